// The designer's commands: what the palette, canvas, property panel and keyboard shortcuts call.
// Each is one user edit (one undo step) unless a mark groups several.
import type { AppDefinition, Form, Lang, Message } from '@gongfang/schema';
import { DesignerCore } from './DesignerCore.ts';
import type { AnyField, FieldType } from './fieldTypes.ts';
import { exportDefinition, type ImportResult, parseDefinition } from './importExport.ts';
import type { Problem } from './problems.ts';
import { parseOptions, renameField, setLabel, setProp, setText } from './properties.ts';
import { withRefs } from './renameRefs.ts';
import { addField, deleteFields, moveFields, pasteFields, placeAfter, topmost } from './structure.ts';
import { accepts, containerKind, indexOf, type Place, ROOT, walk } from './tree.ts';
import type { UiState } from './uiState.ts';

/** What Ctrl/Cmd+C puts on the clipboard. */
export interface ClipboardPayload {
  gongfang: 'fields';
  fields: AnyField[];
}

export type SelectMode = 'replace' | 'toggle' | 'range';

export class Designer extends DesignerCore {
  /** The last copy, for pasting when the system clipboard is out of reach. */
  clipboard = '';

  field(key: string): AnyField | undefined {
    return indexOf(this.form).get(key)?.field;
  }

  isLocked(key: string): boolean {
    return this.state.locked.has(`${this.form.id}/${key}`);
  }

  /** Where a new field goes by default: into a selected container that takes it, after the selection, or at the end. */
  defaultPlace(type?: FieldType): Place {
    const last = this.state.ui.selection.at(-1);
    const e = last ? indexOf(this.form).get(last) : undefined;
    if (e && (e.field.type === 'section' || e.field.type === 'subtable') && type && accepts(e.field.type, type)) {
      return { container: e.key, index: (e.field.fields ?? []).length };
    }
    if (e && (!type || accepts(containerKind(this.form, e.container), type))) {
      return { container: e.container, index: e.index + 1 };
    }
    return { container: ROOT, index: this.form.fields.length };
  }

  addField(type: FieldType, place: Place = this.defaultPlace(type)): string | undefined {
    const key = this.editForm((f) => addField(f, type, place));
    if (key) this.select([key]);
    return key;
  }

  moveFields(keys: readonly string[], place: Place): string[] | undefined {
    const moved = this.editForm((f) => moveFields(f, keys, place));
    if (moved) this.select(moved);
    return moved;
  }

  deleteFields(keys: readonly string[] = this.state.ui.selection): number {
    const n = this.editForm((f) => deleteFields(f, keys));
    this.select([]);
    return n;
  }

  /** The fields as clipboard JSON (containers with their contents). */
  copy(keys: readonly string[] = this.state.ui.selection): string {
    const fields = topmost(this.form, keys).map((e) => e.field);
    if (fields.length === 0) return '';
    const payload: ClipboardPayload = { gongfang: 'fields', fields: structuredClone(fields) };
    this.clipboard = JSON.stringify(payload);
    return this.clipboard;
  }

  /** Pastes clipboard JSON (ours, one field or an array of fields); ids are made unique. */
  paste(text: string = this.clipboard, place?: Place): string[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return [];
    }
    const fields = Array.isArray(parsed)
      ? parsed
      : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as ClipboardPayload).fields)
        ? (parsed as ClipboardPayload).fields
        : [parsed];
    const target = place ?? this.defaultPlace(fields.length === 1 ? (fields[0] as AnyField).type : undefined);
    const keys = this.editForm((f) => pasteFields(f, fields, target));
    if (keys.length > 0) this.select(keys);
    return keys;
  }

  duplicate(keys: readonly string[] = this.state.ui.selection): string[] {
    const top = topmost(this.form, keys);
    const last = top.at(-1);
    if (!last) return [];
    const place = placeAfter(this.form, last.key)!;
    const text = JSON.stringify({ gongfang: 'fields', fields: top.map((e) => e.field) });
    return this.paste(text, place);
  }

  setProp(key: string, prop: string, value: unknown): void {
    this.editForm((f) => setProp(f, key, prop, value), `${key}:${prop}`);
  }

  setText(key: string, prop: string, lang: Lang, text: string): void {
    this.editForm((f) => setText(f, key, prop, lang, text), `${key}:${prop}:${lang}`);
  }

  /** Sets a label (the id follows the English label while it may); keeps the field selected. */
  setLabel(key: string, lang: Lang, text: string): string {
    const locked = this.isLocked(key);
    const before = this.state.ui;
    // Merged by position, not key: the key changes while the id follows the label being typed.
    const at = indexOf(this.form).get(key);
    const merge = at ? `${at.container}#${at.index}:label:${lang}` : undefined;
    const index = this.state.ui.formIndex;
    const next = this.update(
      (d) => withRefs(d as AppDefinition, index, key, (f) => setLabel(f, key, lang, text, locked)),
      'user',
      merge,
    );
    if (next !== key) this.renameSelection(before, key, next);
    return next;
  }

  /** Renames a field's id; returns the error when the id is refused. */
  setId(key: string, id: string): Message | undefined {
    const locked = this.isLocked(key);
    const before = this.state.ui;
    const index = this.state.ui.formIndex;
    // The new id and every expression or list naming the old one: one undo step.
    const result = this.update(
      (d) => withRefs(d as AppDefinition, index, key, (f) => renameField(f, key, id, locked)),
      'user',
      `${key}:id`,
    );
    if (typeof result !== 'string') return result;
    if (result !== key) this.renameSelection(before, key, result);
    return undefined;
  }

  setOptionsFromText(key: string, text: string): void {
    const options = parseOptions(text);
    this.editForm((f) => setProp(f, key, 'options', options.length > 0 ? options : undefined), `${key}:options`);
  }

  /** Changes the open form's own properties (name, columns, title). */
  setFormProp(prop: keyof Form, value: unknown): void {
    this.editForm((f) => {
      const form = f as unknown as Record<string, unknown>;
      if (value === undefined) delete form[prop];
      else form[prop] = value;
    }, `form:${prop}`);
  }

  importJson(text: string): ImportResult {
    const result = parseDefinition(text);
    if (result.ok) this.load(result.definition);
    return result;
  }

  exportJson(): string {
    return exportDefinition(this.doc);
  }

  select(keys: readonly string[], mode: SelectMode = 'replace'): void {
    const { selection, anchor } = this.state.ui;
    let next: readonly string[] = keys;
    if (mode === 'toggle') {
      const set = new Set(selection);
      for (const k of keys) {
        if (set.has(k)) set.delete(k);
        else set.add(k);
      }
      next = [...set];
    } else if (mode === 'range' && anchor && keys[0]) {
      const order = walk(this.form).map((e) => e.key);
      const [a, b] = [order.indexOf(anchor), order.indexOf(keys[0])].sort((x, y) => x - y);
      next = a !== undefined && b !== undefined && a >= 0 ? order.slice(a, b + 1) : keys;
    }
    const nextAnchor = mode === 'range' ? anchor : (keys.at(-1) ?? null);
    this.setUi({ selection: next, anchor: nextAnchor });
  }

  /** Opens the field (or tab) a problem is about, and asks the UI to scroll to it. */
  goToProblem(problem: Problem): void {
    const formIndex = problem.formIndex ?? this.state.ui.formIndex;
    this.setUi((ui) => ({
      tab: problem.tab,
      formIndex,
      selection: problem.fieldKey ? [problem.fieldKey] : ui.selection,
      anchor: problem.fieldKey ?? ui.anchor,
      reveal: problem.fieldKey
        ? { key: problem.fieldKey, ...(problem.prop ? { prop: problem.prop } : {}), nonce: (ui.reveal?.nonce ?? 0) + 1 }
        : ui.reveal,
      flowSelection: problem.tab === 'flow' ? (problem.nodeId ?? null) : ui.flowSelection,
      viewSelection: problem.viewTarget ?? ui.viewSelection,
    }));
  }

  /** Keeps a renamed field (and a renamed sub-table's columns) selected under its new key. */
  private renameSelection(before: UiState, from: string, to: string): void {
    const rename = (k: string) => (k === from ? to : k.startsWith(`${from}.`) ? to + k.slice(from.length) : k);
    this.setUi({ selection: before.selection.map(rename), anchor: before.anchor && rename(before.anchor) });
  }
}

export function createDesigner(options?: ConstructorParameters<typeof Designer>[0]): Designer {
  return new Designer(options);
}

export type { AppDefinition };
