/* Generated from schemas/*.schema.json by packages/schema/scripts/gen-types.ts. Do not edit: run `pnpm gen`. */
/**
 * A field of a form.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Field".
 */
export type Field = (TextField | TextareaField | NumberField | DateField | SelectField | RadioField | CheckboxField | MemberField | RoleField | BarcodeField | PhotoField | AttachmentField | SignatureField | LocationField | FormulaField | ReferenceField | SubtableField | SectionField)
/**
 * A single line of text.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "TextField".
 */
export type TextField = (ValueFieldBase & {
/**
 * Field type: `text`.
 */
type: "text"
placeholder?: LocalizedText
/**
 * Fewest characters allowed.
 */
minLength?: number
/**
 * Most characters allowed (at most 10,000; default 200).
 */
maxLength?: number
/**
 * A regular expression (JavaScript syntax, matched against the whole value) the text must match, e.g. `^[A-Z]{2}-\d{4}$` for a batch number.
 */
pattern?: string
patternMessage?: LocalizedText
})
/**
 * Properties of every field that holds a value.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ValueFieldBase".
 */
export type ValueFieldBase = (FieldBase & {
/**
 * A value must be given before the record can be submitted.
 */
required?: boolean
/**
 * A value must be given while this is TRUE, e.g. `result = "NG"`.
 */
requiredWhen?: string
/**
 * Shown but not editable by the initiator (workflow nodes may still grant editing).
 */
readOnly?: boolean
default?: DefaultValue
/**
 * Custom checks with their own messages.
 * 
 * @maxItems 20
 */
validations?: Validation[]
})
/**
 * Initial value of a field in a new record: a literal of the field's type, or `{"expr": "TODAY()"}` computed when the record is created.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "DefaultValue".
 */
export type DefaultValue = ((string | number | boolean) | (string | number)[] | {
/**
 * Expression giving the default, e.g. `TODAY()` or `USER()`.
 */
expr: string
})
/**
 * Several lines of text, e.g. remarks or safety notes.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "TextareaField".
 */
export type TextareaField = (ValueFieldBase & {
/**
 * Field type: `textarea`.
 */
type: "textarea"
placeholder?: LocalizedText
/**
 * Most characters allowed (at most 10,000; default 2,000).
 */
maxLength?: number
/**
 * Visible lines of the input (default 3).
 */
rows?: number
})
/**
 * A number, entered with a large keypad-friendly input.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "NumberField".
 */
export type NumberField = (ValueFieldBase & {
/**
 * Field type: `number`.
 */
type: "number"
unit?: LocalizedText
/**
 * Decimal places kept (0 = whole numbers). Values with more decimals are rejected.
 */
precision?: number
/**
 * Smallest allowed value (inclusive).
 */
min?: number
/**
 * Largest allowed value (inclusive).
 */
max?: number
/**
 * Step of the +/- buttons (default 1).
 */
step?: number
placeholder?: LocalizedText
})
/**
 * A date, a time, or both.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "DateField".
 */
export type DateField = (ValueFieldBase & {
/**
 * Field type: `date`.
 */
type: "date"
/**
 * What is picked: `date` (stored as `YYYY-MM-DD`), `datetime` (ISO 8601 with offset) or `time` (`HH:mm`). Default `date`.
 */
mode?: ("date" | "datetime" | "time")
})
/**
 * Pick from a dropdown list; one value, or several when `multiple` is true.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "SelectField".
 */
export type SelectField = (ValueFieldBase & {
/**
 * Field type: `select`.
 */
type: "select"
/**
 * Static options, in display order. Values must be unique.
 * 
 * @minItems 1
 * @maxItems 1000
 */
options?: [Option, ...(Option)[]]
optionsFrom?: OptionsFrom
/**
 * Allow several values (stored as an array).
 */
multiple?: boolean
placeholder?: LocalizedText
})
/**
 * Pick one value from buttons shown side by side (good for OK/NG or a shift).
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "RadioField".
 */
export type RadioField = (ValueFieldBase & {
/**
 * Field type: `radio`.
 */
type: "radio"
/**
 * Static options, in display order. Values must be unique.
 * 
 * @minItems 1
 * @maxItems 1000
 */
options?: [Option, ...(Option)[]]
optionsFrom?: OptionsFrom
})
/**
 * Tick any number of values (stored as an array).
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "CheckboxField".
 */
export type CheckboxField = (ValueFieldBase & {
/**
 * Field type: `checkbox`.
 */
type: "checkbox"
/**
 * Static options, in display order. Values must be unique.
 * 
 * @minItems 1
 * @maxItems 1000
 */
options?: [Option, ...(Option)[]]
optionsFrom?: OptionsFrom
/**
 * Fewest values to tick.
 */
minSelected?: number
/**
 * Most values to tick.
 */
maxSelected?: number
})
/**
 * Pick one or several people of the organization.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "MemberField".
 */
export type MemberField = (ValueFieldBase & {
/**
 * Field type: `member`.
 */
type: "member"
/**
 * Allow several people (stored as an array of user ids).
 */
multiple?: boolean
/**
 * Only people holding one of these roles can be picked.
 * 
 * @maxItems 500
 */
roles?: Id[]
})
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Id".
 */
export type Id = string
/**
 * Pick a role of the app.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "RoleField".
 */
export type RoleField = (ValueFieldBase & {
/**
 * Field type: `role`.
 */
type: "role"
/**
 * Only these roles can be picked (default: every role of the app).
 * 
 * @maxItems 500
 */
roles?: Id[]
})
/**
 * A code read by the camera, by a keyboard-wedge scanner, or typed.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "BarcodeField".
 */
export type BarcodeField = (ValueFieldBase & {
/**
 * Field type: `barcode`.
 */
type: "barcode"
/**
 * Symbologies the camera looks for (default: all).
 * 
 * @minItems 1
 */
formats?: [("qr_code" | "code_128" | "code_39" | "code_93" | "ean_13" | "ean_8" | "upc_a" | "upc_e" | "itf" | "codabar" | "data_matrix" | "pdf417" | "aztec"), ...(("qr_code" | "code_128" | "code_39" | "code_93" | "ean_13" | "ean_8" | "upc_a" | "upc_e" | "itf" | "codabar" | "data_matrix" | "pdf417" | "aztec"))[]]
/**
 * How a code may be entered (default: all three).
 * 
 * @minItems 1
 */
sources?: [("camera" | "wedge" | "typed"), ...(("camera" | "wedge" | "typed"))[]]
/**
 * A regular expression the code must match, e.g. `^ITM-\d{5}$`.
 */
pattern?: string
patternMessage?: LocalizedText
})
/**
 * Photos taken with the camera, downscaled on the device before they are stored.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "PhotoField".
 */
export type PhotoField = (ValueFieldBase & {
/**
 * Field type: `photo`.
 */
type: "photo"
/**
 * Most photos (default 9).
 */
maxCount?: number
/**
 * Longest side in pixels after downscaling (default 1600).
 */
maxDimension?: number
/**
 * JPEG quality after downscaling (default 0.8).
 */
quality?: number
})
/**
 * Files attached from the device.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "AttachmentField".
 */
export type AttachmentField = (ValueFieldBase & {
/**
 * Field type: `attachment`.
 */
type: "attachment"
/**
 * Most files (default 5).
 */
maxCount?: number
/**
 * Largest file in megabytes (default 10, at most 50).
 */
maxSizeMB?: number
/**
 * Allowed MIME types or extensions, e.g. `application/pdf`, `.xlsx`, `image/*`.
 * 
 * @maxItems 50
 */
accept?: string[]
})
/**
 * A handwritten signature drawn on the screen.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "SignatureField".
 */
export type SignatureField = (ValueFieldBase & {
/**
 * Field type: `signature`.
 */
type: "signature"
})
/**
 * The device position (latitude, longitude, accuracy) taken when the user taps the field.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "LocationField".
 */
export type LocationField = (ValueFieldBase & {
/**
 * Field type: `location`.
 */
type: "location"
/**
 * Reject a position less accurate than this many meters.
 */
maxAccuracyMeters?: number
})
/**
 * A value computed from other fields with an expression; never typed by the user.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "FormulaField".
 */
export type FormulaField = (ValueFieldBase & {
/**
 * Field type: `formula`.
 */
type: "formula"
/**
 * The formula, e.g. `qty * unit_price` or `IF(AND(value >= lower, value <= upper), "OK", "NG")`.
 */
expression: string
/**
 * Type of the computed value (default `number`).
 */
resultType?: ("number" | "text" | "boolean" | "date")
/**
 * Decimal places shown and stored for a number result.
 */
precision?: number
unit?: LocalizedText
})
/**
 * A link to one record of another form of the app, e.g. the stock-in a return refers to.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ReferenceField".
 */
export type ReferenceField = (ValueFieldBase & {
/**
 * Field type: `reference`.
 */
type: "reference"
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
form: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
displayField: string
/**
 * Only records for which this expression (over that form's fields) is TRUE can be picked.
 */
filter?: string
})
/**
 * Line items: rows of columns, e.g. item, batch, quantity and location of a stock-in. Formulas in a column are computed per row; `lines.qty` in a header formula is the list of that column's values.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "SubtableField".
 */
export type SubtableField = (ValueFieldBase & {
/**
 * Field type: `subtable`.
 */
type: "subtable"
/**
 * The columns, in order.
 * 
 * @minItems 1
 * @maxItems 50
 */
fields: [ColumnField, ...(ColumnField)[]]
/**
 * Fewest rows to submit.
 */
minRows?: number
/**
 * Most rows (default 500, at most 2,000).
 */
maxRows?: number
/**
 * Number or formula columns summed in the footer.
 * 
 * @maxItems 500
 */
totals?: Id[]
/**
 * Scanning into the sub-table: each scan adds a row, or bumps the quantity of the row with the same code.
 */
scan?: {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
field: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
quantityField?: string
}
})
/**
 * A field allowed as a sub-table column: any value field except another sub-table.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ColumnField".
 */
export type ColumnField = (TextField | TextareaField | NumberField | DateField | SelectField | RadioField | CheckboxField | MemberField | RoleField | BarcodeField | PhotoField | AttachmentField | SignatureField | LocationField | FormulaField | ReferenceField)
/**
 * A titled group of fields laid out in columns; it holds no value. A section without fields is a divider.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "SectionField".
 */
export type SectionField = (FieldBase & {
/**
 * Field type: `section`.
 */
type: "section"
/**
 * Columns in landscape (default 2); portrait shows one column.
 */
columns?: number
/**
 * The user can fold the section.
 */
collapsible?: boolean
/**
 * The fields of the section, in order.
 * 
 * @maxItems 500
 */
fields?: ContentField[]
})
/**
 * A field allowed inside a section: any field except another section.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ContentField".
 */
export type ContentField = (TextField | TextareaField | NumberField | DateField | SelectField | RadioField | CheckboxField | MemberField | RoleField | BarcodeField | PhotoField | AttachmentField | SignatureField | LocationField | FormulaField | ReferenceField | SubtableField)
/**
 * A step of an approval flow.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "WorkflowNode".
 */
export type WorkflowNode = (ApproverNode | CcNode | ConditionNode | ParallelNode | EndNode)
/**
 * Who a workflow task goes to.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Assignee".
 */
export type Assignee = ({
kind: "users"
/**
 * User names of the organization.
 * 
 * @minItems 1
 * @maxItems 50
 */
users: [string, ...(string)[]]
} | {
kind: "role"
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
role: string
} | {
kind: "initiatorLead"
/**
 * How many levels up (default 1).
 */
level?: number
} | {
kind: "field"
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
field: string
})
/**
 * Steps run one after another. An empty list passes straight through.
 * 
 * @maxItems 100
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "NodeList".
 */
export type NodeList = WorkflowNode[]
/**
 * An Excel-like expression over the form's field ids, e.g. `qty > 100`, `SUM(lines.qty)`, `IF(result = "NG", 1, 0)`. Text is in double quotes (`\"` inside text). `lines.qty` is the list of the `qty` column of sub-table `lines`. Functions: IF, AND, OR, NOT, SUM, AVG, MIN, MAX, COUNT, ROUND, ABS, TODAY, NOW, DATEDIF, CONCAT, LEN, ISBLANK, CONTAINS, USER. Operators: + - * / ^ & = <> (or !=) < <= > >=. Blank values are skipped by SUM/COUNT/AVG/MIN/MAX and make arithmetic and comparisons blank (a blank condition counts as FALSE). See packages/schema/src/expr/README.md.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string
/**
 * A view of the app's data.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "View".
 */
export type View = (ListView | AggregateView | ChartView)
/**
 * A field id, or a record property: `$createdAt`, `$createdBy`, `$updatedAt`, `$status` (workflow state), `$version` (definition version), `$id`.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ColumnRef".
 */
export type ColumnRef = string
/**
 * What an aggregate view sums: a ledger, or a form (optionally one row per sub-table row).
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "AggregateSource".
 */
export type AggregateSource = ({
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
ledger: string
} | {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
form: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
rows?: string
/**
 * An Excel-like expression over the form's field ids, e.g. `qty > 100`, `SUM(lines.qty)`, `IF(result = "NG", 1, 0)`. Text is in double quotes (`\"` inside text). `lines.qty` is the list of the `qty` column of sub-table `lines`. Functions: IF, AND, OR, NOT, SUM, AVG, MIN, MAX, COUNT, ROUND, ABS, TODAY, NOW, DATEDIF, CONCAT, LEN, ISBLANK, CONTAINS, USER. Operators: + - * / ^ & = <> (or !=) < <= > >=. Blank values are skipped by SUM/COUNT/AVG/MIN/MAX and make arithmetic and comparisons blank (a blank condition counts as FALSE). See packages/schema/src/expr/README.md.
 */
where?: string
})
/**
 * A measure of an aggregate view: an aggregate of a field, or an expression over other measures.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Measure".
 */
export type Measure = ({
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
label: LocalizedText
/**
 * Aggregate function.
 */
agg: ("sum" | "count" | "avg" | "min" | "max")
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
of?: string
/**
 * An Excel-like expression over the form's field ids, e.g. `qty > 100`, `SUM(lines.qty)`, `IF(result = "NG", 1, 0)`. Text is in double quotes (`\"` inside text). `lines.qty` is the list of the `qty` column of sub-table `lines`. Functions: IF, AND, OR, NOT, SUM, AVG, MIN, MAX, COUNT, ROUND, ABS, TODAY, NOW, DATEDIF, CONCAT, LEN, ISBLANK, CONTAINS, USER. Operators: + - * / ^ & = <> (or !=) < <= > >=. Blank values are skipped by SUM/COUNT/AVG/MIN/MAX and make arithmetic and comparisons blank (a blank condition counts as FALSE). See packages/schema/src/expr/README.md.
 */
where?: string
/**
 * Decimal places shown.
 */
precision?: number
} | {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
label: LocalizedText
/**
 * An Excel-like expression over the form's field ids, e.g. `qty > 100`, `SUM(lines.qty)`, `IF(result = "NG", 1, 0)`. Text is in double quotes (`\"` inside text). `lines.qty` is the list of the `qty` column of sub-table `lines`. Functions: IF, AND, OR, NOT, SUM, AVG, MIN, MAX, COUNT, ROUND, ABS, TODAY, NOW, DATEDIF, CONCAT, LEN, ISBLANK, CONTAINS, USER. Operators: + - * / ^ & = <> (or !=) < <= > >=. Blank values are skipped by SUM/COUNT/AVG/MIN/MAX and make arithmetic and comparisons blank (a blank condition counts as FALSE). See packages/schema/src/expr/README.md.
 */
expr: string
/**
 * How the value is shown (default `number`).
 */
format?: ("number" | "percent")
/**
 * Decimal places shown.
 */
precision?: number
})

/**
 * A Gongfang app: its forms, roles, approval flows, ledgers and views. The designer writes it, the runtime renders it, the server enforces it. Validate a file with `pnpm gongfang validate <file>`.
 */
export interface AppDefinition {
/**
 * Optional URL of this schema, for editors.
 */
$schema?: string
/**
 * Version of this definition format. Older formats (1, 2) are migrated on load.
 */
schemaVersion: 3
/**
 * App id, unique in the organization.
 */
id: string
/**
 * Revision of the app, raised by each publish. Records keep the version they were filled with.
 */
version: number
name: LocalizedText
description?: LocalizedText
/**
 * Icon name from the built-in set (e.g. `warehouse`, `inspection`, `handover`).
 */
icon?: string
template?: TemplateRef
/**
 * Roles the app uses.
 * 
 * @minItems 1
 * @maxItems 100
 */
roles: [Role, ...(Role)[]]
/**
 * Forms of the app.
 * 
 * @minItems 1
 * @maxItems 100
 */
forms: [Form, ...(Form)[]]
/**
 * Ledgers the forms post to.
 * 
 * @maxItems 20
 */
ledgers?: Ledger[]
/**
 * Views of the app's data.
 * 
 * @maxItems 100
 */
views?: View[]
}
/**
 * App name.
 */
export interface LocalizedText {
/**
 * Simplified Chinese text.
 */
"zh-CN"?: string
/**
 * English text.
 */
en?: string
}
/**
 * The template this app was made from.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "TemplateRef".
 */
export interface TemplateRef {
/**
 * Template id.
 */
id: string
/**
 * Template version the app was made from or last upgraded to.
 */
version: number
}
/**
 * A role people can hold in the organization, e.g. warehouse keeper or QC lead. The server maps users to roles.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Role".
 */
export interface Role {
/**
 * Role id, shared with the organization's role list (e.g. `qc_lead`).
 */
id: string
name: LocalizedText
description?: LocalizedText
}
/**
 * A form operators fill in; each submission is a record.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Form".
 */
export interface Form {
/**
 * Form id, unique in the app.
 */
id: string
name: LocalizedText
description?: LocalizedText
/**
 * Icon name from the built-in set (e.g. `box-in`, `box-out`, `clipboard-check`, `handshake`).
 */
icon?: string
/**
 * Columns of fields outside sections in landscape (default 1).
 */
columns?: number
/**
 * Expression giving the record title in lists, e.g. `CONCAT(doc_no, " ", supplier)`.
 */
title?: string
/**
 * The fields in order; sections group fields.
 * 
 * @minItems 1
 * @maxItems 1000
 */
fields: [Field, ...(Field)[]]
permissions: FormPermissions
workflow?: Workflow
/**
 * Ledger postings made by each record.
 * 
 * @maxItems 10
 */
postings?: Posting[]
}
/**
 * Properties every field has.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "FieldBase".
 */
export interface FieldBase {
/**
 * Field id: the key of its value in each record. Unique within the form (columns: within their sub-table).
 */
id: string
/**
 * Field type; decides the widget and the stored value.
 */
type: string
label: LocalizedText
help?: LocalizedText
/**
 * The field is shown only while this is TRUE. A hidden field is not required and its value is not stored.
 */
visibleWhen?: string
/**
 * Columns the field spans in its section (default 1).
 */
colSpan?: number
}
/**
 * A custom check: the record is refused while `rule` is FALSE.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Validation".
 */
export interface Validation {
/**
 * Must be TRUE for the value to be accepted, e.g. `actual_qty <= planned_qty`. Blank inputs count as blank, not zero.
 */
rule: string
message: LocalizedText
}
/**
 * One static option.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Option".
 */
export interface Option {
/**
 * Stored value; keep it stable, labels may change.
 */
value: string
label: LocalizedText
/**
 * Colour of the option where it is shown as a tag (e.g. red for NG).
 */
color?: ("default" | "green" | "red" | "orange" | "blue" | "grey")
}
/**
 * Options taken from another form's records instead of a static list.
 */
export interface OptionsFrom {
/**
 * Id of the form whose records are the options.
 */
form: string
/**
 * Field of that form stored as the value.
 */
valueField: string
/**
 * Field of that form shown as the label.
 */
labelField: string
/**
 * Only records for which this expression is TRUE are offered.
 */
filter?: string
}
/**
 * Who may do what with the records of a form. Roles not named here cannot open the form.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "FormPermissions".
 */
export interface FormPermissions {
/**
 * Roles that may create and submit records.
 * 
 * @maxItems 500
 */
submit: Id[]
/**
 * Roles that see every record; others see their own records and those they have a task on.
 * 
 * @maxItems 500
 */
viewAll?: Id[]
/**
 * Whether the initiator may edit a submitted record: `never`, `untilApproved` (default: until the workflow approves it) or `always` (each edit is a new revision).
 */
edit?: ("never" | "untilApproved" | "always")
/**
 * Per-role field visibility.
 * 
 * @maxItems 100
 */
fieldAccess?: FieldAccessRule[]
}
/**
 * Which fields a role sees read-only or not at all.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "FieldAccessRule".
 */
export interface FieldAccessRule {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
role: string
/**
 * Fields this role never sees (the server leaves them out of what it sends).
 * 
 * @maxItems 500
 */
hidden?: Id[]
/**
 * Fields this role sees but may not edit.
 * 
 * @maxItems 500
 */
readOnly?: Id[]
}
/**
 * The approval flow (审批流) a submitted record goes through: it starts with the initiator and ends after the last node.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Workflow".
 */
export interface Workflow {
nodes: NodeList
/**
 * When a returned record is resubmitted: `restart` runs every node again (default); `skipApproved` skips approver nodes that were already approved (or approved automatically) in an earlier round.
 */
onResubmit?: ("restart" | "skipApproved")
initiatorFieldAccess?: NodeFieldAccess
}
/**
 * An approval step. Only a current assignee can act on it; the server checks it.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ApproverNode".
 */
export interface ApproverNode {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "approver"
name?: LocalizedText
assignee: Assignee
/**
 * With several assignees: `any` (或签, the first decision counts), `all` (会签, everyone must approve; one rejection rejects) or `sequential` (依次, one after another in the order given). Default `any`.
 */
mode?: ("any" | "all" | "sequential")
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
fallbackRole?: string
fieldAccess?: NodeFieldAccess
/**
 * The assignee must sign to approve.
 */
signature?: boolean
/**
 * When a comment is required (default `onReject`: rejecting or returning needs a reason).
 */
commentRequired?: ("never" | "onReject" | "always")
/**
 * The assignee may return the record to the initiator for changes (default true).
 */
allowReturn?: boolean
}
/**
 * Field access at a workflow node. Fields not named are shown read-only.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "NodeFieldAccess".
 */
export interface NodeFieldAccess {
/**
 * Fields the assignee may edit while acting (e.g. the disposition of an NG inspection).
 * 
 * @maxItems 500
 */
editable?: Id[]
/**
 * Fields the assignee does not see.
 * 
 * @maxItems 500
 */
hidden?: Id[]
}
/**
 * Sends a read-only notice (抄送) to people; the flow does not wait.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "CcNode".
 */
export interface CcNode {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "cc"
name?: LocalizedText
recipients: Assignee
fieldAccess?: NodeFieldAccess
}
/**
 * Condition branches (条件分支): exactly one branch runs, then the flow continues after the node.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ConditionNode".
 */
export interface ConditionNode {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "condition"
name?: LocalizedText
/**
 * Branches, tried in order.
 * 
 * @minItems 1
 * @maxItems 20
 */
branches: [ConditionBranch, ...(ConditionBranch)[]]
default: DefaultBranch
}
/**
 * One branch of a condition node.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ConditionBranch".
 */
export interface ConditionBranch {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
name?: LocalizedText
/**
 * The branch is taken when this is TRUE. Branches are tried in order; the first TRUE wins. A condition that fails to evaluate counts as FALSE and is noted in the history.
 */
when: string
nodes: NodeList
}
/**
 * The branch taken when no condition is TRUE.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "DefaultBranch".
 */
export interface DefaultBranch {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
name?: LocalizedText
nodes: NodeList
}
/**
 * Parallel branches (并行分支): all branches run at the same time; the flow continues when every branch has finished. A rejection in any branch rejects the record.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ParallelNode".
 */
export interface ParallelNode {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "parallel"
name?: LocalizedText
/**
 * Branches that run together.
 * 
 * @minItems 2
 * @maxItems 10
 */
branches: [ParallelBranch, ParallelBranch, ...(ParallelBranch)[]]
}
/**
 * One branch of a parallel node.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ParallelBranch".
 */
export interface ParallelBranch {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
name?: LocalizedText
nodes: NodeList
}
/**
 * Ends the flow here (e.g. in a branch that needs no further approval); inside a parallel branch it ends the whole flow and cancels the other branches' tasks. Nodes after it in the same list are unreachable.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "EndNode".
 */
export interface EndNode {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "end"
name?: LocalizedText
/**
 * How the record ends (default `approved`).
 */
outcome?: ("approved" | "rejected")
}
/**
 * How a record posts to a ledger: one entry per row of `rows` (or one per record without it). Posting is append-only; an edit or a rejection posts a reversal.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Posting".
 */
export interface Posting {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
ledger: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
rows?: string
/**
 * An expression per ledger key, e.g. `{"item": "item_code", "location": "location"}`.
 */
keys: {
[k: string]: Expression | undefined
}
/**
 * A signed expression per ledger measure, e.g. `{"qty": "qty"}` for stock-in and `{"qty": "-qty"}` for stock-out.
 */
measures: {
[k: string]: Expression | undefined
}
/**
 * When the entries are posted: when the record is accepted by the server (`submit`, default) or when its workflow approves it.
 */
on?: ("submit" | "approved")
}
/**
 * An append-only log of signed quantities keyed by dimensions (e.g. stock per item and location). Balances are sums of its entries.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Ledger".
 */
export interface Ledger {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
name: LocalizedText
/**
 * Dimensions of the ledger.
 * 
 * @minItems 1
 * @maxItems 10
 */
keys: [LedgerKey, ...(LedgerKey)[]]
/**
 * Quantities of the ledger.
 * 
 * @minItems 1
 * @maxItems 10
 */
measures: [LedgerMeasure, ...(LedgerMeasure)[]]
/**
 * Limits checked on every posting.
 * 
 * @maxItems 20
 */
guards?: LedgerGuard[]
}
/**
 * A dimension of a ledger, e.g. item or location.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "LedgerKey".
 */
export interface LedgerKey {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
label: LocalizedText
}
/**
 * A quantity summed in a ledger.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "LedgerMeasure".
 */
export interface LedgerMeasure {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
label: LocalizedText
unit?: LocalizedText
/**
 * Decimal places.
 */
precision?: number
}
/**
 * A limit the balance must keep after a posting, per key, e.g. stock may not go below zero. The device checks it against its last synced balance; the server's check is final: a record that breaks it there is kept and an exception task goes to `exceptionRole`.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "LedgerGuard".
 */
export interface LedgerGuard {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
measure: string
/**
 * The balance may not go below this.
 */
min?: number
/**
 * The balance may not go above this.
 */
max?: number
message: LocalizedText
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
exceptionRole: string
}
/**
 * A list of a form's records with columns, filters, search and sort.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ListView".
 */
export interface ListView {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "list"
name: LocalizedText
/**
 * Roles that see the view (default: those who may view the form).
 * 
 * @maxItems 500
 */
roles?: Id[]
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
form: string
/**
 * Columns shown, in order (header fields or record properties).
 * 
 * @minItems 1
 * @maxItems 50
 */
columns: [ColumnRef, ...(ColumnRef)[]]
/**
 * Filters always applied.
 * 
 * @maxItems 20
 */
filters?: ViewFilter[]
/**
 * Fields the user can filter on.
 * 
 * @maxItems 20
 */
userFilters?: ColumnRef[]
/**
 * Fields the search box looks in.
 * 
 * @maxItems 500
 */
search?: Id[]
/**
 * Default order (default: newest first).
 * 
 * @maxItems 5
 */
sort?: SortKey[]
}
/**
 * A fixed filter of a view.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ViewFilter".
 */
export interface ViewFilter {
field: ColumnRef
/**
 * Comparison.
 */
op: ("eq" | "ne" | "lt" | "lte" | "gt" | "gte" | "contains" | "in" | "blank" | "notBlank")
/**
 * Value compared with (an array for `in`; none for `blank`/`notBlank`).
 * 
 * @maxItems 100
 */
value?: (string | number | boolean | (string | number)[])
}
/**
 * A sort key.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "SortKey".
 */
export interface SortKey {
field: ColumnRef
/**
 * Default `asc`.
 */
direction?: ("asc" | "desc")
}
/**
 * A table of measures per group, e.g. stock balance per item and location, or defect rate per line and shift.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "AggregateView".
 */
export interface AggregateView {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "aggregate"
name: LocalizedText
/**
 * Roles that see the view.
 * 
 * @maxItems 500
 */
roles?: Id[]
source: AggregateSource
/**
 * Group-by keys.
 * 
 * @minItems 1
 * @maxItems 5
 */
groupBy: [GroupKey, ...(GroupKey)[]]
/**
 * Measures per group.
 * 
 * @minItems 1
 * @maxItems 20
 */
measures: [Measure, ...(Measure)[]]
/**
 * Row highlights.
 * 
 * @maxItems 10
 */
highlights?: Highlight[]
/**
 * Row order.
 * 
 * @maxItems 5
 * 
 * Items: A sort key over group keys or measures.
 */
sort?: {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
field: string
/**
 * Default `asc`.
 */
direction?: ("asc" | "desc")
}[]
}
/**
 * A group-by key.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "GroupKey".
 */
export interface GroupKey {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
key: string
label?: LocalizedText
/**
 * Group dates by day, week or month.
 */
bucket?: ("day" | "week" | "month")
}
/**
 * Marks rows of an aggregate view, e.g. a low-stock warning.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "Highlight".
 */
export interface Highlight {
/**
 * An Excel-like expression over the form's field ids, e.g. `qty > 100`, `SUM(lines.qty)`, `IF(result = "NG", 1, 0)`. Text is in double quotes (`\"` inside text). `lines.qty` is the list of the `qty` column of sub-table `lines`. Functions: IF, AND, OR, NOT, SUM, AVG, MIN, MAX, COUNT, ROUND, ABS, TODAY, NOW, DATEDIF, CONCAT, LEN, ISBLANK, CONTAINS, USER. Operators: + - * / ^ & = <> (or !=) < <= > >=. Blank values are skipped by SUM/COUNT/AVG/MIN/MAX and make arithmetic and comparisons blank (a blank condition counts as FALSE). See packages/schema/src/expr/README.md.
 */
when: string
/**
 * How the row is marked.
 */
tone: ("warning" | "danger" | "success")
message?: LocalizedText
}
/**
 * A chart of an aggregate view.
 * 
 * This interface was referenced by `AppDefinition`'s JSON-Schema
 * via the `definition` "ChartView".
 */
export interface ChartView {
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
id: string
type: "chart"
name: LocalizedText
/**
 * Roles that see the view.
 * 
 * @maxItems 500
 */
roles?: Id[]
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
view: string
/**
 * Chart kind.
 */
chart: ("bar" | "stackedBar" | "line" | "pie")
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
x: string
/**
 * A stable identifier: lower-case letter first, then lower-case letters, digits or `_`, at most 64 characters. Ids are keys in stored data: changing a label never changes an id.
 */
series?: string
/**
 * Measures drawn.
 * 
 * @minItems 1
 * @maxItems 5
 */
y: [Id, ...(Id)[]]
}

/**
 * A record as it travels between a device and the server: one submission of a form, pinned to the definition version it was filled with. `data` is checked against that version's form by `compileRecordValidator`.
 */
export interface RecordEnvelope {
/**
 * Record id, a UUIDv7 made on the device, so a record has its id before it ever reaches the server.
 */
id: string
/**
 * App id.
 */
app: string
/**
 * Form id.
 */
form: string
/**
 * Definition version the record was filled with; it is shown and exported with that version.
 */
version: number
/**
 * Revision of the record, 1 when created and raised by each accepted edit. An edit names the revision it was made on; an older one is a conflict.
 */
revision: number
/**
 * Field values keyed by field id (sub-tables as arrays of row objects, each with a stable `_id`).
 */
data: {
[k: string]: unknown | undefined
}
/**
 * User name of the person who filled the record (on a shared tablet, the one signed in at the time).
 */
createdBy: string
/**
 * When the record was created on the device (ISO 8601).
 */
createdAt: string
/**
 * When this revision was made on the device (ISO 8601).
 */
updatedAt?: string
/**
 * Id of the device the record was filled on.
 */
deviceId: string
}
