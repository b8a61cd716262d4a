import type { AppDefinition, Change, LocalizedText, PullResponse, Task } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Db, Tx } from '../db/Db.ts';
import { canUseApp, hiddenFields, VISIBLE_RECORD_SQL, withoutHidden } from '../records/access.ts';
import { loadVersion } from '../records/definitions.ts';
import { RECORD_COLUMNS, RECORD_FROM, type RecordRow, toEnvelope } from '../records/store.ts';
import { workflowState } from '../workflow/tasks.ts';
import { balanceChanges } from './balanceFeed.ts';
import { changeSources } from './changeSources.ts';

interface VersionRow {
  app_id: string;
  version: number;
  definition: AppDefinition;
  published_at: Date;
  seq: number;
}

async function appChanges(tx: Tx, auth: Auth, cursor: number): Promise<Change[]> {
  // Every version after the cursor: an organization publishes a few dozen, and visibility is
  // decided on the definition, so they are filtered here rather than limited in SQL.
  const rows = await tx.query<VersionRow>(
    `select app_id, version, definition, published_at, seq from app_versions
      where org_id = $1 and seq > $2 order by seq`,
    [auth.orgId, cursor],
  );
  return rows
    .filter((r) => canUseApp(r.definition, auth.roles))
    .map((r) => ({
      seq: Number(r.seq),
      type: 'app',
      data: {
        app: r.app_id,
        version: r.version,
        definition: r.definition,
        publishedAt: new Date(r.published_at).toISOString(),
      },
    }));
}

/** A record as the user may see it: hidden fields out, with its workflow state. */
export async function recordChange(db: Db, tx: Tx, auth: Auth, row: RecordRow): Promise<Change> {
  const version = await loadVersion(db, tx, auth.orgId, row.app_id, row.version);
  const form = version?.forms.get(row.form_id)?.form;
  const hidden = form ? hiddenFields(form, auth.roles, row.created_by === auth.userId) : new Set<string>();
  const ref = { orgId: auth.orgId, recordId: row.id, appId: row.app_id, formId: row.form_id };
  const data: Record<string, unknown> = {
    record: toEnvelope(row, withoutHidden(row.data, hidden)),
    seq: Number(row.seq),
    workflow: workflowState(ref, form?.workflow, row.workflow),
  };
  if (row.conflict_of) data.conflictOf = row.conflict_of;
  return { seq: Number(row.seq), type: 'record', data };
}

async function recordChanges(db: Db, tx: Tx, auth: Auth, cursor: number, limit: number): Promise<Change[]> {
  const rows = await tx.query<RecordRow>(
    `select ${RECORD_COLUMNS} from ${RECORD_FROM}
      where r.org_id = $1 and r.seq > $4 and ${VISIBLE_RECORD_SQL}
      order by r.seq limit $5`,
    [auth.orgId, auth.userId, auth.roles, cursor, limit + 1],
  );
  const out: Change[] = [];
  for (const row of rows) out.push(await recordChange(db, tx, auth, row));
  return out;
}

interface TaskRow {
  id: string;
  record_id: string;
  app_id: string;
  form_id: string;
  node_id: string;
  node_name: LocalizedText | null;
  assignee: string;
  status: Task['status'];
  signature: boolean;
  created_at: Date;
  seq: number;
}

export const TASK_COLUMNS =
  't.id, t.record_id, t.app_id, t.form_id, t.node_id, t.node_name, t.assignee, t.status, t.signature, t.created_at, t.seq';

export function taskFromRow(row: TaskRow): Task {
  const task: Task = {
    id: row.id,
    recordId: row.record_id,
    app: row.app_id,
    form: row.form_id,
    node: row.node_id,
    assignee: row.assignee,
    status: row.status,
    signature: row.signature,
    createdAt: new Date(row.created_at).toISOString(),
  };
  if (row.node_name) task.nodeName = row.node_name;
  return task;
}

export type { TaskRow };

async function taskChanges(tx: Tx, auth: Auth, cursor: number, limit: number): Promise<Change[]> {
  const rows = await tx.query<TaskRow>(
    `select ${TASK_COLUMNS} from tasks t where t.org_id = $1 and t.assignee_id = $2 and t.seq > $3
      order by t.seq limit $4`,
    [auth.orgId, auth.userId, cursor, limit + 1],
  );
  return rows.map((row) => ({ seq: Number(row.seq), type: 'task', data: { task: taskFromRow(row) } }));
}

/**
 * What the user may see that changed after `cursor`, oldest first: published app versions of apps
 * they use, records they may see, their tasks, ledger balances, and registered feeds. One snapshot for
 * every source, so a page never holds a change whose predecessors it missed.
 */
export async function pull(db: Db, auth: Auth, cursor: number, limit: number): Promise<PullResponse> {
  const changes = await db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const all = [
      ...(await appChanges(tx, auth, cursor)),
      ...(await recordChanges(db, tx, auth, cursor, limit)),
      ...(await taskChanges(tx, auth, cursor, limit)),
      ...(await balanceChanges({ tx, auth, cursor, limit })),
    ];
    for (const source of changeSources()) all.push(...(await source({ tx, auth, cursor, limit })));
    return all;
  });
  changes.sort((a, b) => a.seq - b.seq);
  const page = changes.slice(0, limit);
  const last = page.at(-1)?.seq ?? cursor;
  return { changes: page, cursor: String(last), more: changes.length > limit };
}
