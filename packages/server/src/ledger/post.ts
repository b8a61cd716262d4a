/*
 * postRecord: the ledger side of accepting a record or of its workflow moving on, run inside the
 * caller's transaction. Entries are append-only: an edit posts the reversal of what the record
 * had posted, then the new entries; a rejection posts the reversal. Afterwards every balance the
 * posting moved is checked against the ledger's guards; a broken guard keeps the record and opens
 * an exception task for the guard's role.
 */
import { type AppDefinition, createFormEngine, type Form, type Ledger, type Posting } from '@gongfang/schema';
import type { Actor } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { applyDeltas, type BalanceDelta } from './balances.ts';
import {
  addMeasures,
  type ComputedEntry,
  computeEntries,
  isZero,
  type LedgerKeyValue,
  type Measures,
  roundQuantity,
} from './entries.ts';
import { type LedgerException, openException } from './exceptions.ts';

export interface PostingRecord {
  id: string;
  form: string;
  revision: number;
  data: Readonly<Record<string, unknown>>;
  /** Workflow status after the event (`approved` keeps an approval posting through an edit). */
  status?: string;
}

/**
 * What happened to the record. Accepting a new or edited revision: `submit` (aliases `created`,
 * `accepted`, `edited`, `edit`); workflow outcomes: `approved`, `rejected`, `withdrawn`; anything
 * else (`returned`, `comment`, …) posts nothing.
 */
export type LedgerEvent = string;

export interface PostInput {
  orgId: string;
  app: AppDefinition;
  record: PostingRecord;
  event: LedgerEvent;
  actor?: Actor | null;
}

export interface PostResult {
  entries: number;
  exceptions: LedgerException[];
}

const ACCEPT = new Set(['submit', 'created', 'accepted', 'edited', 'edit']);
const UNDO = new Set(['rejected', 'withdrawn']);

interface Plan {
  reverse: boolean;
  post: boolean;
}

function plan(
  posting: Posting,
  event: string,
  status: string | undefined,
  last: LastEntry | undefined,
  revision: number,
): Plan {
  const on = posting.on ?? 'submit';
  const alreadyPosted = last?.kind === 'post' && last.revision === revision;
  if (UNDO.has(event)) return { reverse: true, post: false };
  if (ACCEPT.has(event)) {
    if (on === 'submit') return alreadyPosted ? { reverse: false, post: false } : { reverse: true, post: true };
    // An approval posting survives an edit only if the record is still approved after it.
    return { reverse: true, post: status === 'approved' && !alreadyPosted };
  }
  if (event === 'approved' && on === 'approved') {
    return alreadyPosted ? { reverse: false, post: false } : { reverse: true, post: true };
  }
  return { reverse: false, post: false };
}

interface LastEntry {
  kind: 'post' | 'reverse';
  revision: number;
}

interface NetEntry {
  key: LedgerKeyValue;
  keyText: string;
  measures: Measures;
}

interface NewEntry extends ComputedEntry {
  kind: 'post' | 'reverse';
}

function ledgerOf(app: AppDefinition, id: string): Ledger | undefined {
  return app.ledgers?.find((l) => l.id === id);
}

export async function postRecord(tx: Queryable, input: PostInput): Promise<PostResult> {
  const [result] = await postRecords(tx, [input]);
  return result as PostResult;
}

/** One input's entries and what they move per key. */
interface Posted {
  input: PostInput;
  entries: NewEntry[];
  deltas: Map<string, BalanceDelta>;
}

const balanceId = (d: { appId: string; ledgerId: string; keyText: string }) =>
  `${d.appId}\n${d.ledgerId}\n${d.keyText}`;

/**
 * `postRecord` for many records of one organization at once (a sync push), with the same outcome as
 * posting them one after another in this order: what they posted before is read in one query, the
 * entries go in with one statement, every balance they move is upserted once, and each guard is
 * checked against the balance as it stood right after that record's posting.
 */
export async function postRecords(tx: Queryable, inputs: readonly PostInput[]): Promise<PostResult[]> {
  const orgId = inputs[0]?.orgId;
  const ids = new Set(inputs.map((i) => i.record.id));
  if (ids.size < inputs.length || inputs.some((i) => i.orgId !== orgId)) {
    // The same record twice (its second posting reads its first): one after another.
    const out: PostResult[] = [];
    for (const input of inputs) out.push(...(await postRecords(tx, [input])));
    return out;
  }
  if (orgId === undefined) return [];
  // A first submission has nothing on the ledger yet: no need to look.
  const fresh = (i: PostInput) => i.event === 'submit' && i.record.revision === 1;
  const posting = inputs.filter(
    (i) => !fresh(i) && (i.app.forms.find((f) => f.id === i.record.form)?.postings?.length ?? 0) > 0,
  );
  const history = await outstandingOf(
    tx,
    orgId,
    posting.map((i) => i.record.id),
  );
  const posted: Posted[] = inputs.map((input) => ({
    input,
    entries: entriesOf(input, history),
    deltas: new Map(),
  }));
  const all = posted.flatMap((p) =>
    p.entries.map((e) => ({ e, appId: p.input.app.id, record: p.input.record, event: p.input.event })),
  );
  if (all.length === 0) return inputs.map(() => ({ entries: 0, exceptions: [] }));
  await insertEntries(tx, orgId, all);
  const totals = new Map<string, BalanceDelta>();
  for (const p of posted) {
    for (const e of p.entries) {
      const d = { appId: p.input.app.id, ledgerId: e.ledgerId, keyText: e.keyText, key: e.key, measures: {} };
      const own = p.deltas.get(balanceId(d)) ?? { ...d, measures: {} };
      addMeasures(own.measures, e.measures);
      p.deltas.set(balanceId(d), own);
    }
    for (const [id, d] of p.deltas) {
      if (isZero(d.measures)) {
        p.deltas.delete(id);
        continue;
      }
      const total = totals.get(id) ?? { ...d, measures: {} };
      addMeasures(total.measures, d.measures);
      totals.set(id, total);
    }
  }
  const moved = [...totals.values()];
  const finals = await applyDeltas(tx, orgId, moved);
  // The balance right after each record's posting, walking back from the final one.
  const after = new Map(moved.map((d, i) => [balanceId(d), { ...(finals[i]?.measures ?? {}) }]));
  const balanceAfter: Map<string, Measures>[] = [];
  for (let k = posted.length - 1; k >= 0; k--) {
    const mine = new Map<string, Measures>();
    for (const [id, d] of (posted[k] as Posted).deltas) {
      const now = after.get(id) as Measures;
      mine.set(id, { ...now });
      for (const [m, v] of Object.entries(d.measures)) now[m] = roundQuantity(Number(now[m] ?? 0) - v);
    }
    balanceAfter[k] = mine;
  }
  // No audit entry of its own: entries are derived from the record revision or workflow action that
  // the caller audits in this transaction, are append-only and name that record and revision.
  const results: PostResult[] = [];
  for (const [k, p] of posted.entries()) {
    const exceptions: LedgerException[] = [];
    for (const [id, d] of p.deltas) {
      const ledger = ledgerOf(p.input.app, d.ledgerId) as Ledger;
      const balance = balanceAfter[k]?.get(id) ?? {};
      for (const guard of ledger.guards ?? []) {
        const value = Number(balance[guard.measure] ?? 0);
        const delta = d.measures[guard.measure] ?? 0;
        const broken =
          (guard.min !== undefined && value < guard.min && delta < 0) ||
          (guard.max !== undefined && value > guard.max && delta > 0);
        if (!broken) continue;
        exceptions.push(
          await openException(tx, {
            orgId,
            appId: p.input.app.id,
            ledger,
            guard,
            recordId: p.input.record.id,
            revision: p.input.record.revision,
            key: d.key,
            balance: value,
            actor: p.input.actor ?? null,
          }),
        );
      }
    }
    results.push({ entries: p.entries.length, exceptions });
  }
  return results;
}

type History = Map<string, { net: NetEntry[]; last: LastEntry | undefined }>;

/** What each record's postings have put on the ledger so far, per key (what a reversal must undo). */
async function outstandingOf(tx: Queryable, orgId: string, recordIds: readonly string[]): Promise<History> {
  const history: History = new Map();
  if (recordIds.length === 0) return history;
  const rows = await tx.query<{
    record_id: string;
    posting_id: string;
    key_text: string;
    key: LedgerKeyValue;
    measures: Measures;
    kind: 'post' | 'reverse';
    revision: number;
  }>(
    `select record_id, posting_id, key_text, key, measures, kind, revision from ledger_entries
      where org_id = $1 and record_id = any($2::uuid[]) order by seq`,
    [orgId, recordIds],
  );
  const nets = new Map<string, Map<string, NetEntry>>();
  for (const r of rows) {
    const id = `${r.record_id}\n${r.posting_id}`;
    const net = nets.get(id) ?? new Map<string, NetEntry>();
    nets.set(id, net);
    const n = net.get(r.key_text) ?? { key: r.key, keyText: r.key_text, measures: {} };
    addMeasures(n.measures, r.measures);
    net.set(r.key_text, n);
    history.set(id, { net: [], last: { kind: r.kind, revision: r.revision } });
  }
  for (const [id, net] of nets) {
    const h = history.get(id);
    if (h) h.net = [...net.values()].filter((n) => !isZero(n.measures));
  }
  return history;
}

function entriesOf(input: PostInput, history: History): NewEntry[] {
  const { app, record, event } = input;
  const form: Form | undefined = app.forms.find((f) => f.id === record.form);
  const postings = form?.postings ?? [];
  if (!form || postings.length === 0) return [];
  const engine = createFormEngine(form, { data: record.data });
  const entries: NewEntry[] = [];
  for (const posting of postings) {
    const ledger = ledgerOf(app, posting.ledger);
    if (!ledger) continue;
    const { net, last } = history.get(`${record.id}\n${posting.id}`) ?? { net: [], last: undefined };
    const todo = plan(posting, event, record.status, last, record.revision);
    if (todo.reverse) {
      for (const n of net) {
        entries.push({
          ...n,
          ledgerId: ledger.id,
          postingId: posting.id,
          measures: addMeasures({}, n.measures, -1),
          kind: 'reverse',
        });
      }
    }
    if (todo.post) {
      for (const e of computeEntries(form, ledger, posting, record.data, engine)) entries.push({ ...e, kind: 'post' });
    }
  }
  return entries;
}

async function insertEntries(
  tx: Queryable,
  orgId: string,
  entries: readonly { e: NewEntry; appId: string; record: PostingRecord; event: string }[],
): Promise<void> {
  // One statement for all entries of all records: a 200-line stock-in is one round trip, not 200.
  await tx.query(
    `insert into ledger_entries (org_id, app_id, ledger_id, key_text, key, measures, record_id, revision, posting_id, kind, event)
     select $1, e.v->>'app', e.v->>'ledger', e.v->>'key_text', e.v->'key', e.v->'measures', (e.v->>'record')::uuid,
            (e.v->>'revision')::int, e.v->>'posting', e.v->>'kind', e.v->>'event'
       from jsonb_array_elements($2::jsonb) with ordinality as e(v, n)
      order by e.n`,
    [
      orgId,
      JSON.stringify(
        entries.map(({ e, appId, record, event }) => ({
          app: appId,
          ledger: e.ledgerId,
          key_text: e.keyText,
          key: e.key,
          measures: e.measures,
          record: record.id,
          revision: record.revision,
          posting: e.postingId,
          kind: e.kind,
          event,
        })),
      ),
    ],
  );
}
