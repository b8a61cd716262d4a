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
  /** The flow started on submit, stored with the row (one change sequence for both). */
  workflow?: FlowInstance | null;
}

/**
 * Inserts revision 1 of each record (the record and its first revision row) in one statement,
 * in the order given, so their change sequences follow it. Returns the change sequence of each
 * record inserted; an id already taken is left out.
 */
export async function insertRecords(
  tx: Tx,
  orgId: string,
  records: readonly NewRecord[],
): Promise<Map<string, number>> {
  if (records.length === 0) return new Map();
  const rows = records.map((r, n) => {
    const e = r.envelope;
    return {
      n,
      id: e.id,
      app_id: e.app,
      form_id: e.form,
      version: e.version,
      data: r.data,
      created_by: r.createdBy,
      created_at: e.createdAt,
      updated_at: e.updatedAt ?? e.createdAt,
      device_id: e.deviceId,
      conflict_of: r.conflictOf ?? null,
      status: r.workflow?.status ?? 'none',
      workflow: r.workflow ?? null,
    };
  });
  // Record and first revision in one statement: the data crosses once, and the revision is written
  // only for the rows actually inserted (an id already taken is left out of both).
  const inserted = await tx.query<{ id: string; seq: number }>(
    `with inserted as (
       insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at,
                            device_id, conflict_of, status, workflow)
       select $1, x.id, x.app_id, x.form_id, x.version, 1, x.data, x.created_by, x.created_at, x.updated_at,
              x.device_id, x.conflict_of, x.status, nullif(x.workflow, 'null'::jsonb)
         from jsonb_to_recordset($2::jsonb) as x(n int, id uuid, app_id text, form_id text, version int, data jsonb,
              created_by uuid, created_at timestamptz, updated_at timestamptz, device_id text, conflict_of uuid,
              status text, workflow jsonb)
        order by x.n
       on conflict (org_id, id) do nothing returning id, seq, version, data, created_by, updated_at
     ), revisions as (
       insert into record_revisions (org_id, record_id, revision, version, data, updated_by, updated_at)
       select $1, i.id, 1, i.version, i.data, i.created_by, i.updated_at from inserted i
     )
     select id, seq from inserted`,
    [orgId, JSON.stringify(rows)],
  );
  const seqs = new Map(inserted.map((r) => [r.id, Number(r.seq)]));
  return seqs;
}

/** Inserts revision 1 (record and its first revision row); null when the id is taken. */
export async function insertRecord(tx: Tx, r: NewRecord): Promise<number | null> {
  return (await insertRecords(tx, r.orgId, [r])).get(r.envelope.id) ?? null;
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
  await linkAttachmentsOf(tx, orgId, [{ recordId, shas }]);
}

/** `linkAttachments` for several records in one statement. */
export async function linkAttachmentsOf(
  tx: Tx,
  orgId: string,
  links: readonly { recordId: string; shas: readonly string[] }[],
): Promise<void> {
  const pairs = links.flatMap((l) => [...new Set(l.shas)].map((sha) => [l.recordId, sha] as const));
  if (pairs.length === 0) return;
  await tx.query(
    `insert into record_attachments (org_id, record_id, sha256)
     select $1, unnest($2::uuid[]), unnest($3::text[]) on conflict do nothing`,
    [orgId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}
