import type { ColumnField, Field, Form, SectionField, SubtableField } from '../generated/types.ts';

/** A field of a form with where it sits in the definition. */
export interface FieldEntry {
  field: Field | ColumnField;
  /** JSON pointer of the field inside the form, e.g. `/fields/3/fields/0` (prefix it with the form's pointer). */
  pointer: string;
  /** Key of the field's value: `qty` for a header field, `lines.qty` for a sub-table column. */
  path: string;
  /** The sub-table a column belongs to. */
  parent?: SubtableField;
  /** The section a header field is laid out in. */
  section?: SectionField;
}

/**
 * Every field of a form in display order: header fields, sections, the fields inside sections,
 * sub-tables and their columns. Sections are listed too (they have ids and labels) but hold no value.
 */
export function walkFields(form: Pick<Form, 'fields'>): FieldEntry[] {
  const out: FieldEntry[] = [];
  const visit = (field: Field, pointer: string, section: SectionField | undefined): void => {
    out.push(section ? { field, pointer, path: field.id, section } : { field, pointer, path: field.id });
    if (field.type === 'section') {
      (field.fields ?? []).forEach((child, i) => {
        visit(child, `${pointer}/fields/${i}`, field);
      });
    } else if (field.type === 'subtable') {
      field.fields.forEach((column, i) => {
        out.push({ field: column, pointer: `${pointer}/fields/${i}`, path: `${field.id}.${column.id}`, parent: field });
      });
    }
  };
  form.fields.forEach((field, i) => {
    visit(field, `/fields/${i}`, undefined);
  });
  return out;
}

/**
 * Fields by value key: header fields (and sections) by id, sub-table columns by `subtable.column`.
 * When ids repeat (an invalid definition) the first one wins.
 */
export function fieldIndex(form: Pick<Form, 'fields'>): Map<string, FieldEntry> {
  const index = new Map<string, FieldEntry>();
  for (const entry of walkFields(form)) {
    if (!index.has(entry.path)) index.set(entry.path, entry);
  }
  return index;
}

/** True for fields that hold a value in a record (everything but sections). */
export function holdsValue(field: Field | ColumnField): boolean {
  return field.type !== 'section';
}
