import type { ColumnField, Field, SectionField } from '@gongfang/schema';
import type { ComponentType } from 'react';

/** Every field that holds a value (sections are layout, drawn by the form). */
export type ValueField = Exclude<Field, SectionField>;
export type FieldType = ValueField['type'];

/** Where a widget sits when it is a sub-table cell. */
export interface CellPlace {
  subtable: string;
  rowId: string;
  /** 0-based position of the row. */
  index: number;
}

/** What every widget gets: a controlled value, its ids for labelling, and its state. */
export interface WidgetProps<F extends ValueField | ColumnField = ValueField> {
  field: F;
  /** DOM id of the main focusable control (the label's `for`, the error summary's jump target). */
  id: string;
  /** Id of the visible label, for widgets that are groups (`aria-labelledby`). */
  labelId: string;
  /** Localized label, for composing names of buttons ("Increase Quantity"). */
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Ids of the help and error texts. */
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  readOnly: boolean;
  cell?: CellPlace;
}

export interface WidgetSpec<F extends ValueField = ValueField> {
  component: ComponentType<WidgetProps<F>>;
  /** The widget is a group of controls: its label is not a `<label for>` but names a group. */
  group?: boolean | ((field: F) => boolean);
  /** The widget draws its own title row (sub-tables). */
  ownFrame?: boolean;
}

/** The widget registry: one entry per field type (rjsf's theme `widgets`, keyed by our types). */
export type WidgetRegistry = { [K in FieldType]: WidgetSpec<Extract<ValueField, { type: K }>> };
