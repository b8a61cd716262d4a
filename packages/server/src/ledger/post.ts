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

/** What the record's posting has put on the ledger so far, per key (what a reversal must undo). */
async function outstanding(
  tx: Queryable,
  orgId: string,
  recordId: string,
  postingId: string,
): Promise<{ net: NetEntry[]; last: LastEntry | undefined }> {
  const rows = await tx.query<{
    key_text: string;
    key: LedgerKeyValue;
    measures: Measures;
    kind: 'post' | 'reverse';
    revision: number;
  }>(
    `select key_text, key, measures, kind, revision from ledger_entries
      where org_id = $1 and record_id = $2 and posting_id = $3 order by seq`,
    [orgId, recordId, postingId],
  );
  const net = new Map<string, NetEntry>();
  for (const r of rows) {
    const n = net.get(r.key_text) ?? { key: r.key, keyText: r.key_text, measures: {} };
    addMeasures(n.measures, r.measures);
    net.set(r.key_text, n);
  }
  const lastRow = rows[rows.length - 1];
  return {
    net: [...net.values()].filter((n) => !isZero(n.measures)),
    last: lastRow ? { kind: lastRow.kind, revision: lastRow.revision } : undefined,
  };
}

interface NewEntry extends ComputedEntry {
  kind: 'post' | 'reverse';
}

function ledgerOf(app: AppDefinition, id: string): Ledger | undefined {
  return app.ledgers?.find((l) => l.id === id);
}

export async function postRecord(tx: Queryable, input: PostInput): Promise<PostResult> {
  const { orgId, app, record, event } = input;
  const form: Form | undefined = app.forms.find((f) => f.id === record.form);
  const postings = form?.postings ?? [];
  if (!form || postings.length === 0) return { entries: 0, exceptions: [] };
  const engine = createFormEngine(form, { data: record.data });
  const entries: NewEntry[] = [];
  for (const posting of postings) {
    const ledger = ledgerOf(app, posting.ledger);
    if (!ledger) continue;
    // A first submission has nothing on the ledger yet: no need to look.
    const fresh = event === 'submit' && record.revision === 1;
    const { net, last } = fresh ? { net: [], last: undefined } : await outstanding(tx, orgId, record.id, posting.id);
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
  if (entries.length === 0) return { entries: 0, exceptions: [] };
  await insertEntries(tx, orgId, app.id, record, event, entries);
  const deltas = new Map<string, BalanceDelta>();
  for (const e of entries) {
    const id = `${e.ledgerId}\n${e.keyText}`;
    const d = deltas.get(id) ?? { appId: app.id, ledgerId: e.ledgerId, keyText: e.keyText, key: e.key, measures: {} };
    addMeasures(d.measures, e.measures);
    deltas.set(id, d);
  }
  const moved = [...deltas.values()].filter((d) => !isZero(d.measures));
  const balances = await applyDeltas(tx, orgId, moved);
  // No audit entry of its own: entries are derived from the record revision or workflow action that
  // the caller audits in this transaction, are append-only and name that record and revision.
  const exceptions: LedgerException[] = [];
  for (const [i, d] of moved.entries()) {
    const ledger = ledgerOf(app, d.ledgerId) as Ledger;
    const balance = balances[i]?.measures ?? {};
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
          appId: app.id,
          ledger,
          guard,
          recordId: record.id,
          revision: record.revision,
          key: d.key,
          balance: value,
          actor: input.actor ?? null,
        }),
      );
    }
  }
  return { entries: entries.length, exceptions };
}

async function insertEntries(
  tx: Queryable,
  orgId: string,
  appId: string,
  record: PostingRecord,
  event: string,
  entries: readonly NewEntry[],
): Promise<void> {
  // One statement for all entries: a 200-line stock-in is one round trip, not 200.
  await tx.query(
    `insert into ledger_entries (org_id, app_id, ledger_id, key_text, key, measures, record_id, revision, posting_id, kind, event)
     select $1, $2, e.v->>'ledger', e.v->>'key_text', e.v->'key', e.v->'measures', $3, $4, e.v->>'posting', e.v->>'kind', $5
       from jsonb_array_elements($6::jsonb) with ordinality as e(v, n)
      order by e.n`,
    [
      orgId,
      appId,
      record.id,
      record.revision,
      event,
      JSON.stringify(
        entries.map((e) => ({
          ledger: e.ledgerId,
          key_text: e.keyText,
          key: e.key,
          measures: e.measures,
          posting: e.postingId,
          kind: e.kind,
        })),
      ),
    ],
  );
}
