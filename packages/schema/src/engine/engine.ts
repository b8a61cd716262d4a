/*
 * The live form: values, and for each field whether it is visible, required and (formulas) what
 * it computes — kept current as the user types. An edit recomputes only the fields that read what
 * changed (in dependency order), and notifies only subscribers whose field state really changed,
 * so a widget re-renders when its own field does, not when the form does.
 * The same engine computes formulas on the server, which never trusts a device's computed values.
 */
import {
  type CompiledExpression,
  compileExpression,
  type EvalContext,
  evaluateExpression,
  isTruthy,
  type Value,
} from '../expr/index.ts';
import type { Form } from '../generated/types.ts';
import { compileFormModel, type FieldModel, type FormModel } from './model.ts';
import { isBlank, sameValue, toExprValue } from './values.ts';

export interface FieldState {
  readonly value: unknown;
  readonly visible: boolean;
  readonly required: boolean;
}

export interface RowState {
  readonly id: string;
  /** The row's values, formulas computed. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly visible: Readonly<Record<string, boolean>>;
  readonly required: Readonly<Record<string, boolean>>;
}

export interface EngineOptions {
  /** Existing record data; without it the record is new and defaults apply. */
  data?: Readonly<Record<string, unknown>>;
  user?: string;
  now?: () => Date;
  timeZone?: string;
  /** Id for a new sub-table row (default: a counter with a random prefix). */
  newRowId?: () => string;
}

export interface FormEngine {
  readonly model: FormModel;
  field(id: string): FieldState | undefined;
  rows(subtable: string): readonly RowState[];
  /** Key: a field id, `subtable#rowId` for one row, or `*` for any change. Returns unsubscribe. */
  subscribe(key: string, listener: () => void): () => void;
  set(id: string, value: unknown): void;
  setCell(subtable: string, rowId: string, column: string, value: unknown): void;
  addRow(subtable: string, values?: Readonly<Record<string, unknown>>): string;
  removeRow(subtable: string, rowId: string): void;
  moveRow(subtable: string, from: number, to: number): void;
  /** Record data to save: formulas computed, hidden fields and blanks left out. */
  data(): Record<string, unknown>;
}

const NO_ROWS: readonly RowState[] = Object.freeze([]);

export function createFormEngine(form: Form, options: EngineOptions = {}): FormEngine {
  const model = compileFormModel(form);
  const values = new Map<string, unknown>();
  const states = new Map<string, FieldState>();
  const rowStates = new Map<string, readonly RowState[]>();
  const listeners = new Map<string, Set<() => void>>();
  let pending: Set<string> | undefined;
  const prefix = Math.random().toString(36).slice(2, 8);
  let rowCounter = 0;
  const newRowId = options.newRowId ?? (() => `${prefix}-${(rowCounter++).toString(36)}`);

  const run = (expr: CompiledExpression | undefined, ctx: EvalContext): Value | undefined => {
    if (!expr) return undefined;
    const r = evaluateExpression(expr, ctx);
    return r.ok ? r.value : null;
  };
  const base = { user: options.user, now: options.now, timeZone: options.timeZone };
  const headerGet = (path: readonly string[]): Value | undefined => {
    const [id, column] = path;
    if (id === undefined || !model.byId.has(id)) return undefined;
    if (column === undefined) return toExprValue(values.get(id));
    const rows = rowStates.get(id);
    if (!rows || !model.columns.get(id)?.some((c) => c.id === column)) return undefined;
    return rows.map((r) => toExprValue(r.values[column]));
  };
  const headerCtx: EvalContext = { ...clean(base), get: headerGet };

  const notify = (key: string) => {
    if (pending) pending.add(key);
  };

  // The stored row each row state was computed from: a row whose stored object is unchanged, and
  // whose header inputs are unchanged, keeps its state (typing in one row recomputes that row only).
  const sourceOf = new WeakMap<RowState, Record<string, unknown>>();
  const computeRow = (subtable: string, raw: Record<string, unknown>, id: string): RowState => {
    const columns = model.columns.get(subtable) ?? [];
    const rowValues: Record<string, unknown> = { ...raw };
    const ctx: EvalContext = {
      ...clean(base),
      get: (path) =>
        path.length === 1 && columns.some((c) => c.id === path[0])
          ? toExprValue(rowValues[path[0] as string])
          : headerGet(path),
    };
    const visible: Record<string, boolean> = {};
    const required: Record<string, boolean> = {};
    for (const c of model.rowOrder.get(subtable) ?? []) {
      if (c.formula) rowValues[c.id] = run(c.formula, ctx) ?? null;
      visible[c.id] = c.visibleWhen ? isTruthy(run(c.visibleWhen, ctx) ?? null) : true;
      const f = c.field;
      required[c.id] =
        visible[c.id] === true &&
        (('required' in f && f.required === true) || isTruthy(run(c.requiredWhen, ctx) ?? null));
    }
    const state = { id, values: rowValues, visible, required };
    sourceOf.set(state, raw);
    return state;
  };

  /** Recomputes one header field; true when its state changed. `rowsReusable`: no header input of its rows changed. */
  const recompute = (m: FieldModel, rowsReusable = false): boolean => {
    const sectionVisible = m.section ? (states.get(m.section)?.visible ?? true) : true;
    const visible = sectionVisible && (m.visibleWhen ? isTruthy(run(m.visibleWhen, headerCtx) ?? null) : true);
    const f = m.field;
    const required =
      visible && (('required' in f && f.required === true) || isTruthy(run(m.requiredWhen, headerCtx) ?? null));
    if (m.formula) values.set(m.id, run(m.formula, headerCtx) ?? null);
    let rowsChanged = false;
    if (model.columns.has(m.id)) {
      const old = rowStates.get(m.id) ?? NO_ROWS;
      const byId = new Map(old.map((r) => [r.id, r]));
      const raw = values.get(m.id);
      const next = (Array.isArray(raw) ? raw : []).map((r: Record<string, unknown>, i) => {
        const id = typeof r._id === 'string' ? r._id : (old[i]?.id ?? newRowId());
        const kept = byId.get(id);
        return rowsReusable && kept && sourceOf.get(kept) === r ? kept : computeRow(m.id, r, id);
      });
      const changedRows = next.length !== old.length || next.some((r, i) => !sameRow(r, old[i]));
      if (changedRows) {
        rowsChanged = true;
        next.forEach((r, i) => {
          if (!sameRow(r, old[i])) notify(`${m.id}#${r.id}`);
        });
        rowStates.set(m.id, Object.freeze(next));
      }
    }
    const prev = states.get(m.id);
    const value = values.get(m.id);
    if (prev && prev.visible === visible && prev.required === required && sameValue(prev.value, value)) {
      // Computed row values changed under the same stored rows: what reads the columns must follow.
      return rowsChanged;
    }
    states.set(m.id, { value, visible, required });
    notify(m.id);
    return true;
  };

  /** Recomputes, in dependency order, everything that reads `changed` (and what reads those). */
  const propagate = (changed: Iterable<string>, all = false) => {
    const dirty = new Set<string>(changed);
    for (const id of model.order) {
      if (!all && !dirty.has(id)) continue;
      const m = model.byId.get(id);
      if (!m) continue;
      const reusable = !all && ![...(model.reads.get(id) ?? [])].some((r) => dirty.has(r));
      if (recompute(m, reusable) || all) for (const d of model.dependents.get(id) ?? []) dirty.add(d);
    }
  };

  const batch = (fn: () => void) => {
    const outer = pending === undefined;
    if (outer) pending = new Set();
    try {
      fn();
    } finally {
      if (outer) {
        const keys = pending as Set<string>;
        pending = undefined;
        if (keys.size > 0) keys.add('*');
        for (const key of keys) for (const l of listeners.get(key) ?? []) l();
      }
    }
  };

  const rowsOf = (subtable: string): Record<string, unknown>[] => {
    const raw = values.get(subtable);
    return Array.isArray(raw) ? [...raw] : [];
  };
  const updateRows = (subtable: string, rows: Record<string, unknown>[]) =>
    batch(() => {
      values.set(subtable, rows);
      propagate([subtable]);
    });

  // Initial state: the record's data, or defaults for a new record.
  for (const m of model.header) {
    if (options.data && Object.hasOwn(options.data, m.id)) values.set(m.id, options.data[m.id]);
  }
  for (const [id] of model.columns) {
    values.set(
      id,
      rowsOf(id).map((r) => (typeof r._id === 'string' ? r : { ...r, _id: newRowId() })),
    );
  }
  /** The default of a field, a literal or an expression evaluated now (header scope). */
  const defaultOf = (m: FieldModel): unknown => {
    const d = 'default' in m.field ? m.field.default : undefined;
    if (d === undefined || typeof d !== 'object' || Array.isArray(d)) return d;
    return evaluateDefault(d.expr, headerCtx);
  };
  if (!options.data) {
    for (const m of model.header) {
      const d = defaultOf(m);
      if (d !== undefined) values.set(m.id, d);
    }
  }
  batch(() => propagate([], true));

  return {
    model,
    field: (id) => states.get(id),
    rows: (subtable) => rowStates.get(subtable) ?? NO_ROWS,
    subscribe(key, listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    set(id, value) {
      const m = model.byId.get(id);
      if (!m || m.formula || m.field.type === 'section') return;
      batch(() => {
        values.set(id, value);
        propagate([id]);
      });
    },
    setCell(subtable, rowId, column, value) {
      const rows = rowsOf(subtable);
      const i = rows.findIndex((r) => r._id === rowId);
      if (i < 0 || !model.columns.get(subtable)?.some((c) => c.id === column && !c.formula)) return;
      rows[i] = { ...rows[i], [column]: value };
      updateRows(subtable, rows);
    },
    addRow(subtable, init) {
      const id = newRowId();
      // A new row starts from its columns' defaults; what the caller passes (a scanned code) wins.
      const row: Record<string, unknown> = {};
      for (const c of model.columns.get(subtable) ?? []) {
        const d = defaultOf(c);
        if (d !== undefined) row[c.id] = d;
      }
      updateRows(subtable, [...rowsOf(subtable), { ...row, ...init, _id: id }]);
      return id;
    },
    removeRow(subtable, rowId) {
      updateRows(
        subtable,
        rowsOf(subtable).filter((r) => r._id !== rowId),
      );
    },
    moveRow(subtable, from, to) {
      const rows = rowsOf(subtable);
      const [row] = rows.splice(from, 1);
      if (!row) return;
      rows.splice(Math.max(0, Math.min(to, rows.length)), 0, row);
      updateRows(subtable, rows);
    },
    data() {
      const out: Record<string, unknown> = {};
      for (const m of model.header) {
        const s = states.get(m.id);
        if (!s?.visible || m.field.type === 'section') continue;
        if (model.columns.has(m.id)) {
          const rows = (rowStates.get(m.id) ?? NO_ROWS).map((r) => {
            const row: Record<string, unknown> = { _id: r.id };
            for (const [k, v] of Object.entries(r.values)) if (k !== '_id' && r.visible[k] && !isBlank(v)) row[k] = v;
            return row;
          });
          if (rows.length > 0) out[m.id] = rows;
        } else if (!isBlank(s.value)) out[m.id] = s.value;
      }
      return out;
    },
  };
}

function evaluateDefault(source: string, ctx: EvalContext): Value | undefined {
  const c = compileExpression(source);
  if (!c.ok) return undefined;
  const r = evaluateExpression(c.expr, ctx);
  return r.ok && r.value !== null ? r.value : undefined;
}

function sameRow(a: RowState, b: RowState | undefined): boolean {
  return (
    b !== undefined &&
    a.id === b.id &&
    sameValue(a.values, b.values) &&
    sameValue(a.visible, b.visible) &&
    sameValue(a.required, b.required)
  );
}

/** Drops undefined options, so they never shadow EvalContext defaults. */
function clean<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
