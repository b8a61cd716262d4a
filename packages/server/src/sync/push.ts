import type { Mutation, MutationResult, PushRequest } from '@gongfang/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Auth, ServerContext } from '../context.ts';
import type { Tx } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { applyCreate } from '../records/create.ts';
import { applyUpdate } from '../records/update.ts';
import { applyActionMutation } from '../workflow/act.ts';
import type { MutationContext } from './mutationContext.ts';
import { Refusal } from './refusal.ts';

function recordIdOf(m: Mutation): string {
  return m.kind === 'action' ? m.recordId : m.record.id;
}

function decide(mc: MutationContext, m: Mutation): Promise<MutationResult> {
  switch (m.kind) {
    case 'create':
      return applyCreate(mc, m);
    case 'update':
      return applyUpdate(mc, m);
    case 'action':
      return applyActionMutation(mc, m);
  }
}

/**
 * Claims the mutation id: the first transaction to insert it applies the mutation; any other
 * (a retry, or the same push sent twice at once, which waits here for the first to commit) gets
 * the stored first answer.
 */
async function claim(
  tx: Tx,
  auth: Auth,
  deviceId: string,
  m: Mutation,
  result: unknown,
): Promise<MutationResult | null> {
  const inserted = await tx.query(
    `insert into mutations (org_id, id, user_id, device_id, kind, record_id, result)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (org_id, id) do nothing returning id`,
    [auth.orgId, m.id, auth.userId, deviceId, m.kind, recordIdOf(m), JSON.stringify(result)],
  );
  if (inserted.length > 0) return null;
  const [stored] = await tx.query<{ result: MutationResult }>(
    'select result from mutations where org_id = $1 and id = $2',
    [auth.orgId, m.id],
  );
  if (!stored) throw new Error(`mutation ${m.id} neither inserted nor found`);
  return stored.result;
}

async function applyOne(
  ctx: ServerContext,
  auth: Auth,
  log: FastifyBaseLogger,
  deviceId: string,
  m: Mutation,
): Promise<MutationResult | null> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const stored = await claim(tx, auth, deviceId, m, {});
      if (stored) return stored;
      const result = await decide({ db: ctx.db, tx, auth }, m);
      await tx.query('update mutations set result = $3 where org_id = $1 and id = $2', [
        auth.orgId,
        m.id,
        JSON.stringify(result),
      ]);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) {
      const refused: MutationResult = {
        id: m.id,
        status: 'rejected',
        recordId: recordIdOf(m),
        code: error.code,
        message: error.localized,
        ...(error.problems ? { problems: error.problems } : {}),
      };
      // The refusal rolled back everything the mutation wrote; now it becomes the stored answer.
      return ctx.db.transaction(async (tx) => (await claim(tx, auth, deviceId, m, refused)) ?? refused);
    }
    // Not stored, not answered: the device keeps it queued and retries the same id later.
    log.error({ err: error, mutation: m.id }, 'mutation failed');
    return null;
  }
}

/**
 * Applies a push: each mutation in its own transaction, in outbox order, at most once. One bad
 * record never blocks the others; the answers come back in the same order. When the server itself
 * fails on a mutation (database gone, a hook threw), the push stops there and answers what it did:
 * the rest stays queued on the device; if nothing was done, the whole push is a 503 to retry.
 */
export async function push(
  ctx: ServerContext,
  auth: Auth,
  log: FastifyBaseLogger,
  body: PushRequest,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const m of body.mutations) {
    const result = await applyOne(ctx, auth, log, body.deviceId, m);
    if (!result) break;
    results.push(result);
  }
  if (results.length === 0) {
    throw apiError(
      503,
      'server-error',
      '服务器暂时无法处理，请稍后重试',
      'The server cannot process this now; retry later',
    );
  }
  return results;
}
