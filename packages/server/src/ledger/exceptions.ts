/*
 * Exception tasks: a guard the server found broken after a posting. The record stays accepted;
 * the role the guard names gets an open task, audited, that it resolves with a note.
 */
import { randomUUID } from 'node:crypto';
import { type Ledger, type LedgerGuard, localize, type Message } from '@gongfang/schema';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { enqueueWebhookEvent } from '../notify/outbox.ts';
import type { LedgerKeyValue } from './entries.ts';

export interface LedgerException {
  id: string;
  app: string;
  ledger: string;
  guard: string;
  role: string;
  recordId: string;
  revision: number;
  key: LedgerKeyValue;
  measure: string;
  balance: number;
  message: Message;
  status: 'open' | 'resolved';
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
}

/** The guard's message with `{balance}` and `{<key id>}` filled in, in both languages. */
export function guardMessage(ledger: Ledger, guard: LedgerGuard, key: LedgerKeyValue, balance: number): Message {
  const precision = ledger.measures.find((m) => m.id === guard.measure)?.precision;
  const shown = precision === undefined ? String(balance) : balance.toFixed(precision);
  const fill = (text: string) =>
    text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, id: string) =>
      id === 'balance' ? shown : Object.hasOwn(key, id) ? (key[id] as string) : whole,
    );
  return { 'zh-CN': fill(localize(guard.message, 'zh-CN')), en: fill(localize(guard.message, 'en')) };
}

export interface NewException {
  orgId: string;
  appId: string;
  ledger: Ledger;
  guard: LedgerGuard;
  recordId: string;
  revision: number;
  key: LedgerKeyValue;
  balance: number;
  actor: Actor | null;
}

export async function openException(tx: Queryable, e: NewException): Promise<LedgerException> {
  const id = randomUUID();
  const msg = guardMessage(e.ledger, e.guard, e.key, e.balance);
  const [row] = await tx.query<ExceptionRow>(
    `insert into ledger_exceptions (org_id, id, app_id, ledger_id, guard_id, role_id, record_id, revision, key, measure, balance, message)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning ${COLUMNS}`,
    [
      e.orgId,
      id,
      e.appId,
      e.ledger.id,
      e.guard.id,
      e.guard.exceptionRole,
      e.recordId,
      e.revision,
      JSON.stringify(e.key),
      e.guard.measure,
      e.balance,
      JSON.stringify(msg),
    ],
  );
  const view = toView(row as ExceptionRow);
  await appendAudit(tx, {
    orgId: e.orgId,
    actor: e.actor,
    action: 'ledger.exception.open',
    entityType: 'ledger_exception',
    entityId: id,
    after: view,
  });
  await enqueueWebhookEvent(tx, e.orgId, 'exception.opened', {
    summary: msg,
    app: e.appId,
    recordId: e.recordId,
    exceptionId: id,
    ledger: e.ledger.id,
    guard: e.guard.id,
    role: e.guard.exceptionRole,
    key: e.key,
    balance: e.balance,
  });
  return view;
}

const COLUMNS = `id, app_id, ledger_id, guard_id, role_id, record_id, revision, key, measure, balance, message, status,
  created_at, resolved_by, resolved_at, note`;

interface ExceptionRow {
  id: string;
  app_id: string;
  ledger_id: string;
  guard_id: string;
  role_id: string;
  record_id: string;
  revision: number;
  key: LedgerKeyValue;
  measure: string;
  balance: string | number;
  message: Message;
  status: 'open' | 'resolved';
  created_at: Date | string;
  resolved_by: string | null;
  resolved_at: Date | string | null;
  note: string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toView(r: ExceptionRow): LedgerException {
  return {
    id: r.id,
    app: r.app_id,
    ledger: r.ledger_id,
    guard: r.guard_id,
    role: r.role_id,
    recordId: r.record_id,
    revision: r.revision,
    key: r.key,
    measure: r.measure,
    balance: Number(r.balance),
    message: r.message,
    status: r.status,
    createdAt: iso(r.created_at) as string,
    resolvedBy: r.resolved_by,
    resolvedAt: iso(r.resolved_at),
    note: r.note,
  };
}

export interface ExceptionQuery {
  orgId: string;
  roles: readonly string[];
  status?: 'open' | 'resolved';
  app?: string;
  before?: string;
  limit: number;
}

/** Exceptions for the given roles, newest first; page with `before` = the last createdAt seen. */
export async function listExceptions(db: Queryable, q: ExceptionQuery): Promise<LedgerException[]> {
  const params: unknown[] = [q.orgId, q.roles];
  let where = 'org_id = $1 and role_id = any($2::text[])';
  const add = (sql: string, v: unknown) => {
    if (v === undefined) return;
    params.push(v);
    where += ` and ${sql.replace('?', `$${params.length}`)}`;
  };
  add('status = ?', q.status);
  add('app_id = ?', q.app);
  add('created_at < ?', q.before);
  const rows = await db.query<ExceptionRow>(
    `select ${COLUMNS} from ledger_exceptions where ${where} order by created_at desc, id limit ${q.limit}`,
    params,
  );
  return rows.map(toView);
}

export async function countOpenExceptions(db: Queryable, orgId: string, roles: readonly string[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from ledger_exceptions where org_id = $1 and status = 'open' and role_id = any($2::text[])`,
    [orgId, roles],
  );
  return Number(row?.n ?? 0);
}

/** Resolves an open exception; only a holder of its role may. */
export async function resolveException(
  tx: Queryable,
  orgId: string,
  id: string,
  by: Actor & { roles: readonly string[] },
  note: string,
): Promise<LedgerException> {
  const [row] = await tx.query<ExceptionRow>(
    `select ${COLUMNS} from ledger_exceptions where org_id = $1 and id = $2 for update`,
    [orgId, id],
  );
  if (!row) throw apiError(404, 'exception-not-found', '找不到该异常', 'No such exception', { id });
  if (!by.roles.includes(row.role_id)) {
    throw apiError(403, 'forbidden', '您的角色无权处理此异常', 'Your role may not resolve this exception', {
      requiredRoles: [row.role_id],
    });
  }
  if (row.status !== 'open') {
    throw apiError(409, 'exception-resolved', '该异常已处理', 'This exception is already resolved', { id });
  }
  const before = toView(row);
  const [updated] = await tx.query<ExceptionRow>(
    `update ledger_exceptions set status = 'resolved', resolved_by = $3, resolved_at = now(), note = $4
      where org_id = $1 and id = $2 returning ${COLUMNS}`,
    [orgId, id, by.id, note],
  );
  const after = toView(updated as ExceptionRow);
  await appendAudit(tx, {
    orgId,
    actor: { id: by.id, name: by.name },
    action: 'ledger.exception.resolve',
    entityType: 'ledger_exception',
    entityId: id,
    before: { status: before.status },
    after: { status: after.status, note },
  });
  return after;
}
