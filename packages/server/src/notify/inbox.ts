/*
 * The inbox: what waits for a user — open workflow tasks assigned to them, CC notices they have not
 * read, and open ledger exceptions for their roles. Sources whose table is not there (a database
 * migrated before the workflow tables) count zero.
 */
import type { Message } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { countOpenExceptions, listExceptions } from '../ledger/exceptions.ts';

export type InboxKind = 'task' | 'notice' | 'exception';

export interface InboxItem {
  kind: InboxKind;
  id: string;
  title: Message | null;
  app: string;
  recordId: string;
  createdAt: string;
}

async function hasTable(db: Queryable, name: string): Promise<boolean> {
  const [row] = await db.query<{ ok: boolean }>('select to_regclass($1) is not null as ok', [name]);
  return row?.ok === true;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export async function inboxCounts(db: Queryable, auth: Auth): Promise<Record<InboxKind, number>> {
  const counts: Record<InboxKind, number> = { task: 0, notice: 0, exception: 0 };
  counts.exception = await countOpenExceptions(db, auth.orgId, auth.roles);
  if (await hasTable(db, 'tasks')) {
    const [t] = await db.query<{ n: number }>(
      `select count(*)::int as n from tasks where org_id = $1 and assignee_id = $2 and status = 'open'`,
      [auth.orgId, auth.userId],
    );
    counts.task = Number(t?.n ?? 0);
  }
  if (await hasTable(db, 'record_participants')) {
    const [n] = await db.query<{ n: number }>(
      `select count(*)::int as n from record_participants p
        where p.org_id = $1 and p.user_id = $2 and p.reason = 'cc'
          and not exists (select 1 from notice_reads r where r.org_id = p.org_id and r.user_id = p.user_id and r.record_id = p.record_id)`,
      [auth.orgId, auth.userId],
    );
    counts.notice = Number(n?.n ?? 0);
  }
  return counts;
}

/** Newest first, at most `limit` of each kind merged. */
export async function inboxItems(db: Queryable, auth: Auth, limit: number): Promise<InboxItem[]> {
  const items: InboxItem[] = (
    await listExceptions(db, { orgId: auth.orgId, roles: auth.roles, status: 'open', limit })
  ).map((e) => ({
    kind: 'exception',
    id: e.id,
    title: e.message,
    app: e.app,
    recordId: e.recordId,
    createdAt: e.createdAt,
  }));
  if (await hasTable(db, 'tasks')) {
    const rows = await db.query<{
      id: string;
      node_name: Message | null;
      app_id: string;
      record_id: string;
      created_at: Date;
    }>(
      `select id, node_name, app_id, record_id, created_at from tasks
        where org_id = $1 and assignee_id = $2 and status = 'open' order by created_at desc limit $3`,
      [auth.orgId, auth.userId, limit],
    );
    for (const r of rows) {
      items.push({
        kind: 'task',
        id: r.id,
        title: r.node_name,
        app: r.app_id,
        recordId: r.record_id,
        createdAt: iso(r.created_at),
      });
    }
  }
  if (await hasTable(db, 'record_participants')) {
    const rows = await db.query<{ record_id: string; app_id: string; received_at: Date }>(
      `select p.record_id, rec.app_id, rec.received_at from record_participants p
         join records rec on rec.org_id = p.org_id and rec.id = p.record_id
        where p.org_id = $1 and p.user_id = $2 and p.reason = 'cc'
          and not exists (select 1 from notice_reads r where r.org_id = p.org_id and r.user_id = p.user_id and r.record_id = p.record_id)
        order by rec.received_at desc limit $3`,
      [auth.orgId, auth.userId, limit],
    );
    for (const r of rows) {
      items.push({
        kind: 'notice',
        id: r.record_id,
        title: null,
        app: r.app_id,
        recordId: r.record_id,
        createdAt: iso(r.received_at),
      });
    }
  }
  return items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, limit);
}

/** Marks CC notices read; returns how many were newly marked. */
export async function markNoticesRead(tx: Queryable, auth: Auth, recordIds: readonly string[]): Promise<number> {
  // Only the user's own CC notices: ids of other records (another factory's included) mark nothing.
  const rows = await tx.query(
    `insert into notice_reads (org_id, user_id, record_id)
     select p.org_id, p.user_id, p.record_id from record_participants p
      where p.org_id = $1 and p.user_id = $2 and p.reason = 'cc' and p.record_id = any($3::uuid[])
     on conflict do nothing returning record_id`,
    [auth.orgId, auth.userId, recordIds],
  );
  return rows.length;
}
