import { createHash } from 'node:crypto';
import type { CreateMutation, MutationResult, RecordEnvelope } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Db, Tx } from '../db/Db.ts';
import { installLedgerHooks } from '../ledger/hooks.ts';
import { installNotifyHooks } from '../notify/hooks.ts';
import { uuidv7 } from '../records/uuidv7.ts';
import { newPushMemo } from '../sync/mutationContext.ts';
import { applyPush, type PushLog } from '../sync/push.ts';

/**
 * The example photos and signatures are not shipped, only named by hash in seed.json. A record
 * naming a file that was never uploaded is refused, as on a device push, so each named file
 * becomes this placeholder (a 1×1 PNG, stored content-addressed like any upload).
 */
const PLACEHOLDER = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PLACEHOLDER_SHA = createHash('sha256').update(PLACEHOLDER).digest('hex');

interface Person {
  id: string;
  name: string;
  roles: string[];
}

function isFileRef(v: unknown): v is { id: string; name?: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { id?: unknown }).id === 'string' &&
    /^[0-9a-f]{64}$/.test((v as { id: string }).id)
  );
}

/** The record's data with every file it names replaced by the placeholder upload. */
function withPlaceholders(value: unknown): unknown {
  if (isFileRef(value)) return { ...value, id: PLACEHOLDER_SHA, type: 'image/png', size: PLACEHOLDER.length };
  if (Array.isArray(value)) return value.map(withPlaceholders);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)]));
  }
  return value;
}

const failOnLog: PushLog = {
  error: (...args: unknown[]) => console.error('seed push:', ...args),
  warn: () => {},
} as PushLog;

/**
 * Seed records go through the same accept path as a device push, as their creator (from the
 * creator's device, with their own mutation ids): validated against the published version,
 * formulas recomputed, approval flows started and tasks opened, ledger postings made, every
 * record audited under its creator. Runs in the caller's transaction; a refused or failed seed
 * record throws, so a broken example never half-seeds. Returns how many were accepted.
 */
export async function pushSeedRecords(
  db: Db,
  tx: Tx,
  orgId: string,
  fallback: { id: string; name: string },
  records: readonly RecordEnvelope[],
): Promise<number> {
  if (records.length === 0) return 0;
  // The hooks the server installs when it builds its routes; the seed runs before that.
  installLedgerHooks();
  installNotifyHooks();
  const people = await tx.query<Person>(
    `select u.id, u.name, coalesce((select array_agg(ur.role_id order by ur.role_id) from user_roles ur
              where ur.org_id = u.org_id and ur.user_id = u.id), '{}') as roles
       from users u where u.org_id = $1`,
    [orgId],
  );
  const byName = new Map(people.map((p) => [p.name, p]));
  const uploader = byName.get(fallback.name) ?? { ...fallback, roles: [] };
  await tx.query(
    `insert into attachments (org_id, sha256, content_type, size, content, uploaded_by)
     values ($1, $2, 'image/png', $3, $4, $5) on conflict (org_id, sha256) do nothing`,
    [orgId, PLACEHOLDER_SHA, PLACEHOLDER.length, PLACEHOLDER, uploader.id],
  );
  let accepted = 0;
  // One push per run of records by the same person from the same tablet, in seed order.
  for (let i = 0; i < records.length; ) {
    const first = records[i] as RecordEnvelope;
    const creator = byName.get(first.createdBy) ?? uploader;
    const batch: CreateMutation[] = [];
    for (; i < records.length; i++) {
      const r = records[i] as RecordEnvelope;
      if (r.createdBy !== first.createdBy || r.deviceId !== first.deviceId) break;
      const data = withPlaceholders(r.data) as Record<string, unknown>;
      batch.push({ id: uuidv7(), kind: 'create', record: { ...r, revision: 1, data, createdBy: creator.name } });
    }
    const auth: Auth = {
      orgId,
      userId: creator.id,
      userName: creator.name,
      roles: creator.roles,
      deviceId: null,
      csrfToken: '',
      tokenHash: '',
    };
    const answers: MutationResult[] = await applyPush({ db, tx, auth, memo: newPushMemo() }, failOnLog, {
      deviceId: first.deviceId,
      mutations: batch as [CreateMutation, ...CreateMutation[]],
    });
    const refused = answers.find((a) => a.status !== 'accepted');
    if (answers.length < batch.length || refused) {
      throw new Error(`seed record refused: ${JSON.stringify(refused ?? 'server error').slice(0, 500)}`);
    }
    accepted += answers.length;
  }
  return accepted;
}
