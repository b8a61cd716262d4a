import type { CreateMutation, Mutation, MutationResult, PushRequest } from '@gongfang/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Auth, ServerContext } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { applyCreate, applyCreates, refusedAnswer } from '../records/create.ts';
import { applyUpdate } from '../records/update.ts';
import { applyActionMutation } from '../workflow/act.ts';
import { claimAll, dropUnanswered, recordIdOf, storeAnswers } from './claims.ts';
import { type MutationContext, newPushMemo } from './mutationContext.ts';
import { Refusal } from './refusal.ts';

/** Where a push reports what failed (the request's logger; the seed passes its own). */
export type PushLog = Pick<FastifyBaseLogger, 'error' | 'warn'>;

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
 * One mutation under its own savepoint: a refusal rolls back what it wrote and becomes its answer;
 * a server fault rolls it back and answers null (the push stops there).
 */
async function applyOne(mc: MutationContext, log: PushLog, m: Mutation): Promise<MutationResult | null> {
  await mc.tx.query('savepoint push_mutation');
  try {
    const result = await decide(mc, m);
    await mc.tx.query('release savepoint push_mutation');
    return result;
  } catch (error) {
    await mc.tx.query('rollback to savepoint push_mutation');
    if (error instanceof Refusal) return refusedAnswer(m, recordIdOf(m), error);
    // Not stored, not answered: the device keeps it queued and retries the same id later.
    log.error({ err: error, mutation: m.id }, 'mutation failed');
    return null;
  }
}

/**
 * Consecutive creates, checked and written together (`applyCreates`). If the batch fails as a
 * whole, it is rolled back to its savepoint and applied one mutation at a time, which answers up to
 * the one that fails, exactly as if they had been pushed one by one.
 */
async function applyRun(mc: MutationContext, log: PushLog, run: readonly CreateMutation[]): Promise<MutationResult[]> {
  if (run.length > 1) {
    await mc.tx.query('savepoint push_batch');
    try {
      const answers = await applyCreates(mc, run);
      await mc.tx.query('release savepoint push_batch');
      return answers;
    } catch (error) {
      await mc.tx.query('rollback to savepoint push_batch');
      log.warn({ err: error }, 'batch of creates failed; applying them one by one');
    }
  }
  const answers: MutationResult[] = [];
  for (const m of run) {
    const answer = await applyOne(mc, log, m);
    if (!answer) break;
    answers.push(answer);
  }
  return answers;
}

/**
 * A push inside the caller's transaction (`mc.tx`); answers in outbox order, up to where it
 * stopped. The seed pushes the example records through here, as their creators.
 */
export async function applyPush(mc: MutationContext, log: PushLog, body: PushRequest): Promise<MutationResult[]> {
  const { tx, auth } = mc;
  const ms = body.mutations;
  const stored = await claimAll(tx, auth, body.deviceId, ms);
  const answered = new Map<string, MutationResult>();
  const results: MutationResult[] = [];
  let stopped = false;
  for (let i = 0; i < ms.length && !stopped; ) {
    const m = ms[i] as Mutation;
    const known = stored.get(m.id) ?? answered.get(m.id);
    if (known) {
      results.push(known);
      i++;
      continue;
    }
    const run: CreateMutation[] = [];
    const ids = new Set<string>();
    for (let j = i; j < ms.length; j++) {
      const next = ms[j] as Mutation;
      if (next.kind !== 'create' || stored.has(next.id) || ids.has(next.id)) break;
      run.push(next);
      ids.add(next.id);
    }
    const answers = run.length > 0 ? await applyRun(mc, log, run) : [await applyOne(mc, log, m)];
    for (const answer of answers) {
      if (!answer) break;
      answered.set(answer.id, answer);
      results.push(answer);
      i++;
    }
    stopped = answers.length < Math.max(run.length, 1) || answers.includes(null);
  }
  await storeAnswers(tx, auth.orgId, [...answered.values()]);
  await dropUnanswered(
    tx,
    auth.orgId,
    ms.filter((m) => !stored.has(m.id) && !answered.has(m.id)).map((m) => m.id),
  );
  return results;
}

/**
 * Applies a push in ONE transaction, in outbox order, each mutation at most once: every mutation
 * id is claimed first; runs of creates are checked and then written with one statement per table
 * under the organization's change-feed lock, taken once; other mutations go one by one, each under
 * a savepoint. A refused mutation is rolled back to its savepoint and answered `rejected`; the
 * others commit. When the server itself fails on a mutation (a hook threw, the database failed),
 * the push stops there and commits and answers what it did: the rest stays queued on the device;
 * if nothing was done, the whole push is a 503 to retry.
 */
export async function push(ctx: ServerContext, auth: Auth, log: PushLog, body: PushRequest): Promise<MutationResult[]> {
  let results: MutationResult[] = [];
  try {
    results = await ctx.db.transaction((tx) => applyPush({ db: ctx.db, tx, auth, memo: newPushMemo() }, log, body));
  } catch (error) {
    log.error({ err: error }, 'push failed');
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
