import {
  createFormEngine,
  type EngineOptions,
  type FieldState,
  type Form,
  type FormEngine,
  type RowState,
  walkFields,
} from '@gongfang/schema';
import { useMemo, useSyncExternalStore } from 'react';
import { rowDefaults } from '../widgets/subtable/rows.ts';

/**
 * A form engine as the runtime uses it: a new record's sub-tables start with their `minRows` rows
 * (blank but for column defaults), so the operator can start typing in row 1. Sub-tables the
 * record data already holds (a draft, a record opened later) are left as they are.
 */
export function createRuntimeEngine(form: Form, options?: EngineOptions): FormEngine {
  const engine = createFormEngine(form, options);
  for (const { field } of walkFields(form)) {
    if (field.type !== 'subtable' || !field.minRows || options?.data?.[field.id] !== undefined) continue;
    for (let n = engine.rows(field.id).length; n < field.minRows; n++) engine.addRow(field.id, rowDefaults(field));
  }
  return engine;
}

/**
 * A live engine for `form`, created once per form. Options are read when the engine is created
 * (the record data, the user, the clock); pass a new `key` to the component to start over.
 */
export function useFormEngine(form: Form, options?: EngineOptions): FormEngine {
  // biome-ignore lint/correctness/useExhaustiveDependencies: options only seed a new engine; a new form starts one.
  return useMemo(() => createRuntimeEngine(form, options), [form]);
}

const HIDDEN: FieldState = Object.freeze({ value: undefined, visible: false, required: false });

/** The state of one header field; re-renders only when that field's state changes. */
export function useFieldState(engine: FormEngine, id: string): FieldState {
  return useSyncExternalStore(
    (onChange) => engine.subscribe(id, onChange),
    () => engine.field(id) ?? HIDDEN,
  );
}

const rowIndexes = new WeakMap<readonly RowState[], Map<string, RowState>>();

function rowById(rows: readonly RowState[], id: string): RowState | undefined {
  let index = rowIndexes.get(rows);
  if (!index) {
    index = new Map(rows.map((r) => [r.id, r]));
    rowIndexes.set(rows, index);
  }
  return index.get(id);
}

/** One sub-table row; re-renders only when that row's state changes (`subtable#rowId`). */
export function useRowState(engine: FormEngine, subtable: string, rowId: string): RowState | undefined {
  return useSyncExternalStore(
    (onChange) => engine.subscribe(`${subtable}#${rowId}`, onChange),
    () => rowById(engine.rows(subtable), rowId),
  );
}

/** The row list of a sub-table (changes identity whenever any row changes). */
export function useRows(engine: FormEngine, subtable: string): readonly RowState[] {
  return useSyncExternalStore(
    (onChange) => engine.subscribe(subtable, onChange),
    () => engine.rows(subtable),
  );
}
