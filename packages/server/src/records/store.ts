import type { RecordEnvelope } from '@gongfang/schema';
import type { FlowInstance } from '@gongfang/workflow';
import type { Queryable, Tx } from '../db/Db.ts';

/** A row of `records` with its creator's name. */
export interface RecordRow {
  id: string;
  app_id: string;
  form_id: string;
  version: number;
  revision: number;
  data: Record<string, unknown>;
  created_by: string;
  creator: string;
  created_at: Date;
  updated_at: Date;
  device_id: string;
  seq: number;
  status: string;
  workflow: FlowInstance | null;
  conflict_of: string | null;
}

export const RECORD_COLUMNS = `r.id, r.app_id, r.form_id, r.version, r.revision, r.data, r.created_by, u.name as creator,
  r.created_at, r.updated_at, r.device_id, r.seq, r.status, r.workflow, r.conflict_of`;

export const RECORD_FROM = 'records r join users u on u.org_id = r.org_id and u.id = r.created_by';

export async function loadRecord(
  q: Queryable,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RecordRow | undefined> {
  const [row] = await q.query<RecordRow>(
    `select ${RECORD_COLUMNS} from ${RECORD_FROM} where r.org_id = $1 and r.id = $2${options.forUpdate ? ' for update of r' : ''}`,
    [orgId, id],
  );
  return row;
}

export function toEnvelope(row: RecordRow, data: Record<string, unknown> = row.data): RecordEnvelope {
  return {
    id: row.id,
    app: row.app_id,
    form: row.form_id,
    version: row.version,
    revision: row.revision,
    data,
    createdBy: row.creator,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    deviceId: row.device_id,
  };
}

export interface NewRecord {
  orgId: string;
  envelope: RecordEnvelope;
  data: Record<string, unknown>;
  createdBy: string;
  conflictOf?: string;
}

/** Inserts revision 1 (record and its first revision row); null when the id is taken. */
export async function insertRecord(tx: Tx, r: NewRecord): Promise<number | null> {
  const e = r.envelope;
  const updatedAt = e.updatedAt ?? e.createdAt;
  const [row] = await tx.query<{ seq: number }>(
    `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at,
                          device_id, conflict_of)
     values ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9, $10, $11)
     on conflict (org_id, id) do nothing returning seq`,
    [
      r.orgId,
      e.id,
      e.app,
      e.form,
      e.version,
      JSON.stringify(r.data),
      r.createdBy,
      e.createdAt,
      updatedAt,
      e.deviceId,
      r.conflictOf ?? null,
    ],
  );
  if (!row) return null;
  await insertRevision(tx, r.orgId, e.id, 1, e.version, r.data, r.createdBy, updatedAt);
  return Number(row.seq);
}

export async function insertRevision(
  tx: Tx,
  orgId: string,
  recordId: string,
  revision: number,
  version: number,
  data: Record<string, unknown>,
  updatedBy: string,
  updatedAt: string,
): Promise<void> {
  await tx.query(
    `insert into record_revisions (org_id, record_id, revision, version, data, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [orgId, recordId, revision, version, JSON.stringify(data), updatedBy, updatedAt],
  );
}

/** Stores the flow instance and its status, and moves the record to a new change sequence. */
export async function saveWorkflow(tx: Tx, orgId: string, recordId: string, instance: FlowInstance): Promise<number> {
  const [row] = await tx.query<{ seq: number }>(
    `update records set workflow = $3, status = $4, seq = nextval('change_seq')
      where org_id = $1 and id = $2 returning seq`,
    [orgId, recordId, JSON.stringify(instance), instance.status],
  );
  return Number(row?.seq);
}

/** Whoever may see the record may download the attachments it names. */
export async function linkAttachments(tx: Tx, orgId: string, recordId: string, shas: readonly string[]): Promise<void> {
  if (shas.length === 0) return;
  await tx.query(
    `insert into record_attachments (org_id, record_id, sha256)
     select $1, $2, unnest($3::text[]) on conflict do nothing`,
    [orgId, recordId, [...new Set(shas)]],
  );
}
