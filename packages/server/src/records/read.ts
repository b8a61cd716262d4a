import type { AppDefinition } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Db } from '../db/Db.ts';
import { workflowState } from '../workflow/tasks.ts';
import { hiddenFields, mayView, withoutHidden } from './access.ts';
import { loadVersion } from './definitions.ts';
import { loadRecord, toEnvelope } from './store.ts';

interface RevisionRow {
  revision: number;
  version: number;
  data: Record<string, unknown>;
  updated_by: string;
  updated_at: Date;
  received_at: Date;
}

/**
 * A record as the runtime's detail page shows it: the record, every revision, its approval flow
 * with the whole history, its conflict copies, and the definition version it was filled with.
 * Undefined when it does not exist in the organization or the user may not see it.
 */
export async function readRecord(db: Db, auth: Auth, id: string): Promise<Record<string, unknown> | undefined> {
  const person = { id: auth.userId, name: auth.userName, roles: auth.roles };
  const row = await loadRecord(db, auth.orgId, id);
  if (!row || !(await mayView(db, auth.orgId, person, id))) return undefined;
  const version = await loadVersion(db, db, auth.orgId, row.app_id, row.version);
  const form = version?.forms.get(row.form_id)?.form;
  const hidden = form ? hiddenFields(form, auth.roles, row.created_by === auth.userId) : new Set<string>();
  const revisions = await db.query<RevisionRow>(
    `select rv.revision, rv.version, rv.data, u.name as updated_by, rv.updated_at, rv.received_at
       from record_revisions rv join users u on u.org_id = rv.org_id and u.id = rv.updated_by
      where rv.org_id = $1 and rv.record_id = $2 order by rv.revision`,
    [auth.orgId, id],
  );
  const copies = await db.query<{ id: string }>(
    'select id from records where org_id = $1 and conflict_of = $2 order by created_at',
    [auth.orgId, id],
  );
  const ref = { orgId: auth.orgId, recordId: row.id, appId: row.app_id, formId: row.form_id };
  return {
    record: toEnvelope(row, withoutHidden(row.data, hidden)),
    seq: Number(row.seq),
    conflictOf: row.conflict_of,
    conflictCopies: copies.map((c) => c.id),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      version: r.version,
      data: withoutHidden(r.data, hidden),
      updatedBy: r.updated_by,
      updatedAt: new Date(r.updated_at).toISOString(),
      receivedAt: new Date(r.received_at).toISOString(),
    })),
    workflow: workflowState(ref, form?.workflow, row.workflow),
    definition: { app: row.app_id, version: row.version, definition: (version?.app ?? null) as AppDefinition | null },
  };
}
