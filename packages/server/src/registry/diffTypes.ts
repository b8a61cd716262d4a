import type { Message } from '@gongfang/schema';
import { asObject, asString, type JsonObject } from './json.ts';

export type DiffKind =
  | 'app.changed'
  | 'role.added'
  | 'role.removed'
  | 'role.changed'
  | 'form.added'
  | 'form.removed'
  | 'form.changed'
  | 'field.added'
  | 'field.removed'
  | 'field.retyped'
  | 'field.relabelled'
  | 'field.moved'
  | 'field.changed'
  | 'fields.reordered'
  | 'rule.changed'
  | 'formula.changed'
  | 'option.added'
  | 'option.removed'
  | 'option.changed'
  | 'permission.changed'
  | 'workflow.added'
  | 'workflow.removed'
  | 'workflow.changed'
  | 'node.added'
  | 'node.removed'
  | 'node.changed'
  | 'node.moved'
  | 'posting.added'
  | 'posting.removed'
  | 'posting.changed'
  | 'view.added'
  | 'view.removed'
  | 'view.changed'
  | 'ledger.added'
  | 'ledger.removed'
  | 'ledger.changed';

/**
 * One readable change between two definitions. `path` names the thing by ids
 * (`stock_in.lines.qty`, `stock_in.workflow.big_out`, `views.balance.columns`); `pointer` is its
 * RFC 6901 pointer in the newer definition (in the older one when it was removed).
 */
export interface DiffEntry {
  kind: DiffKind;
  path: string;
  pointer: string;
  before: unknown;
  after: unknown;
  summary: Message;
}

/** A thing's display name in both languages: its label or name, else its id. */
export interface Named {
  zh: string;
  en: string;
}

export function nameOf(thing: unknown, fallback = ''): Named {
  const o = asObject(thing);
  const text = asObject(o?.label) ?? asObject(o?.name);
  const id = asString(o?.id) ?? asString(o?.value) ?? fallback;
  const zh = asString(text?.['zh-CN']) ?? asString(text?.en) ?? id;
  const en = asString(text?.en) ?? asString(text?.['zh-CN']) ?? id;
  return { zh, en };
}

/** Short rendering of a value inside a summary (expressions, types, small lists). */
export function brief(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Collects entries; `add` keeps call sites to one line each. */
export class DiffList {
  readonly entries: DiffEntry[] = [];
  add(kind: DiffKind, path: string, pointer: string, before: unknown, after: unknown, zh: string, en: string): void {
    this.entries.push({ kind, path, pointer, before, after, summary: { 'zh-CN': zh, en } });
  }
}

/** Items of an array keyed by a string property, with their index; items without the key are skipped. */
export function byKey(items: unknown[], key = 'id'): Map<string, { item: JsonObject; index: number }> {
  const out = new Map<string, { item: JsonObject; index: number }>();
  items.forEach((raw, index) => {
    const item = asObject(raw);
    const id = asString(item?.[key]);
    if (item && id !== undefined && !out.has(id)) out.set(id, { item, index });
  });
  return out;
}
