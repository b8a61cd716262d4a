import type { Auth } from '../context.ts';
import type { Db } from '../db/Db.ts';
import { TASK_COLUMNS, type TaskRow, taskFromRow } from '../sync/pull.ts';

export type InboxFilter = 'open' | 'closed' | 'all';

interface InboxRow extends TaskRow {
  creator: string;
  record_created_at: Date;
  record_status: string;
  version: number;
  revision: number;
}

/** The user's tasks, newest first, each with a summary of its record for the inbox list. */
export async function inbox(db: Db, auth: Auth, filter: InboxFilter, limit: number) {
  const status = filter === 'open' ? "and t.status = 'open'" : filter === 'closed' ? "and t.status <> 'open'" : '';
  const rows = await db.query<InboxRow>(
    `select ${TASK_COLUMNS}, u.name as creator, r.created_at as record_created_at, r.status as record_status,
            r.version, r.revision
       from tasks t
       join records r on r.org_id = t.org_id and r.id = t.record_id
       join users u on u.org_id = r.org_id and u.id = r.created_by
      where t.org_id = $1 and t.assignee_id = $2 ${status}
      order by t.created_at desc, t.id limit $3`,
    [auth.orgId, auth.userId, limit],
  );
  return rows.map((row) => ({
    task: taskFromRow(row),
    record: {
      id: row.record_id,
      app: row.app_id,
      form: row.form_id,
      version: row.version,
      revision: row.revision,
      createdBy: row.creator,
      createdAt: new Date(row.record_created_at).toISOString(),
      status: row.record_status,
    },
  }));
}

export async function openTaskCount(db: Db, auth: Auth): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "select count(*)::int as n from tasks where org_id = $1 and assignee_id = $2 and status = 'open'",
    [auth.orgId, auth.userId],
  );
  return Number(row?.n ?? 0);
}
