import type { Mutation, MutationResult } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Tx } from '../db/Db.ts';

export function recordIdOf(m: Mutation): string {
  return m.kind === 'action' ? m.recordId : m.record.id;
}

/**
 * Claims every mutation id of a push in one statement, before anything else and in id order: the
 * first transaction to insert an id applies that mutation; any other (a retry, or the same push sent
 * twice at once, which waits here for the first to commit or roll back) gets the stored first
 * answer. Claiming in one global order, and before the change-feed lock, means two pushes that
 * share ids never wait on each other in a cycle. Claims hold `{}` until `storeAnswers` fills them;
 * `dropUnanswered` removes those a stopped push never reached, so none commits empty.
 * Returns the stored answers of ids claimed earlier.
 */
export async function claimAll(
  tx: Tx,
  auth: Auth,
  deviceId: string,
  mutations: readonly Mutation[],
): Promise<Map<string, MutationResult>> {
  const unique = new Map(mutations.map((m) => [m.id, { id: m.id, kind: m.kind, record_id: recordIdOf(m) }]));
  const claimed = await tx.query<{ id: string }>(
    `insert into mutations (org_id, id, user_id, device_id, kind, record_id, result)
     select $1, x.id, $2, $3, x.kind, x.record_id, '{}'::jsonb
       from jsonb_to_recordset($4::jsonb) as x(id uuid, kind text, record_id uuid)
      order by x.id
     on conflict (org_id, id) do nothing returning id`,
    [auth.orgId, auth.userId, deviceId, JSON.stringify([...unique.values()])],
  );
  const mine = new Set(claimed.map((r) => r.id));
  const earlier = [...unique.keys()].filter((id) => !mine.has(id));
  const stored = new Map<string, MutationResult>();
  if (earlier.length === 0) return stored;
  const rows = await tx.query<{ id: string; result: MutationResult }>(
    'select id, result from mutations where org_id = $1 and id = any($2::uuid[])',
    [auth.orgId, earlier],
  );
  for (const row of rows) stored.set(row.id, row.result);
  for (const id of earlier) if (!stored.has(id)) throw new Error(`mutation ${id} neither claimed nor found`);
  return stored;
}

/**
 * Stores the answers of the mutations this push applied or refused, in one statement. Each row is
 * found by its primary key (`id = any(…)`, an index scan whatever the statistics say); joining the
 * answers as a set instead let the planner read every mutation of the organization, so each push
 * got slower as the log grew.
 */
export const STORE_ANSWERS_SQL = `update mutations m set result = $2::jsonb -> (m.id::text)
  where m.org_id = $1 and m.id = any($3::uuid[])`;

export async function storeAnswers(tx: Tx, orgId: string, answers: readonly MutationResult[]): Promise<void> {
  if (answers.length === 0) return;
  // Keyed as PostgreSQL prints a uuid (lower case), which is how the statement looks each row up.
  const byId = Object.fromEntries(answers.map((a) => [a.id.toLowerCase(), a]));
  await tx.query(STORE_ANSWERS_SQL, [orgId, JSON.stringify(byId), Object.keys(byId)]);
}

/** Removes the claims of mutations the push did not reach: the device keeps them queued. */
export async function dropUnanswered(tx: Tx, orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(`delete from mutations where org_id = $1 and id = any($2::uuid[]) and result = '{}'::jsonb`, [
    orgId,
    ids,
  ]);
}
