import type { PostingInput } from '@gongfang/offline';
import {
  type AppDefinition,
  compileExpression,
  evaluateExpression,
  type Form,
  type LocalizedText,
  toExprValue,
  type Value,
} from '@gongfang/schema';

function evaluate(source: string | undefined, get: (name: string) => unknown): Value | undefined {
  if (!source) return undefined;
  const compiled = compileExpression(source);
  if (!compiled.ok) return undefined;
  const result = evaluateExpression(compiled.expr, { get: (path) => toExprValue(get(path.join('.'))) });
  return result.ok ? result.value : undefined;
}

/**
 * The ledger postings a record makes when submitted (`on: submit`), as the device computes them
 * for its guard check. The server computes its own; this is the early warning only.
 */
export function postingsOf(form: Form, data: Readonly<Record<string, unknown>>): PostingInput[] {
  const out: PostingInput[] = [];
  for (const posting of form.postings ?? []) {
    if ((posting.on ?? 'submit') !== 'submit') continue;
    const rows: Readonly<Record<string, unknown>>[] = posting.rows
      ? ((data[posting.rows] as Record<string, unknown>[] | undefined) ?? [])
      : [data];
    for (const row of rows) {
      const get = (name: string) => (Object.hasOwn(row, name) ? row[name] : data[name]);
      const key: Record<string, string> = {};
      for (const [k, expr] of Object.entries(posting.keys)) key[k] = String(evaluate(expr, get) ?? '');
      const measures: Record<string, number> = {};
      for (const [m, expr] of Object.entries(posting.measures)) {
        const v = evaluate(expr, get);
        if (typeof v === 'number' && Number.isFinite(v)) measures[m] = v;
      }
      if (Object.values(key).every((v) => v !== '')) out.push({ ledger: posting.ledger, key, measures });
    }
  }
  return out;
}

/** Every posting a form may make, including on approval (stock-out posts when approved). */
export function anyPostingsOf(form: Form, data: Readonly<Record<string, unknown>>): PostingInput[] {
  return postingsOf({ ...form, postings: (form.postings ?? []).map((p) => ({ ...p, on: 'submit' as const })) }, data);
}

export interface GuardWarning {
  ledger: string;
  key: Record<string, string>;
  balance: number;
  message: LocalizedText | undefined;
}

/**
 * Which of the record's postings would take a guarded measure below its minimum, given what the
 * device believes is available (`available`, e.g. store.availableBalance).
 */
export async function checkGuards(
  app: AppDefinition,
  form: Form,
  data: Readonly<Record<string, unknown>>,
  available: (ledger: string, key: Record<string, string>) => Promise<Record<string, number>>,
): Promise<GuardWarning[]> {
  const warnings: GuardWarning[] = [];
  const totals = new Map<string, { ledger: string; key: Record<string, string>; measures: Record<string, number> }>();
  for (const p of anyPostingsOf(form, data)) {
    const id = `${p.ledger}|${JSON.stringify(p.key)}`;
    const t = totals.get(id) ?? { ledger: p.ledger, key: p.key, measures: {} };
    for (const [m, v] of Object.entries(p.measures)) t.measures[m] = (t.measures[m] ?? 0) + v;
    totals.set(id, t);
  }
  for (const t of totals.values()) {
    const ledger = app.ledgers?.find((l) => l.id === t.ledger);
    for (const guard of ledger?.guards ?? []) {
      const change = t.measures[guard.measure] ?? 0;
      if (change >= 0 || guard.min === undefined) continue;
      const have = (await available(t.ledger, t.key))[guard.measure] ?? 0;
      if (have + change < guard.min)
        warnings.push({ ledger: t.ledger, key: t.key, balance: have, message: guard.message });
    }
  }
  return warnings;
}

/** `{item}`-style placeholders of a guard message filled with the key values and the balance. */
export function fillGuardMessage(text: string, w: GuardWarning): string {
  const values: Record<string, string> = { ...w.key, balance: String(w.balance) };
  return text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
}
