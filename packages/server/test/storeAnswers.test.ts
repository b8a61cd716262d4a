import { randomUUID } from 'node:crypto';
import type { MutationResult } from '@gongfang/schema';
import { afterEach, describe, expect, test } from 'vitest';
import type { Db } from '../src/db/Db.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedOrganization } from '../src/seed/demo.ts';
import { STORE_ANSWERS_SQL, storeAnswers } from '../src/sync/claims.ts';
import { ALPHA, DB_KINDS, freshDatabase, TEST_PASSWORD, type TestDatabase } from './harness.ts';

describe.each(DB_KINDS)('the idempotency log on %s', (kind) => {
  let database: TestDatabase | undefined;
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    await database?.drop();
    db = undefined;
    database = undefined;
  });

  test('a push stores its answers by primary key, however many mutations the organization has', async () => {
    database = await freshDatabase(kind);
    const open = await database.open();
    db = open;
    await migrate(open);
    await open.transaction((tx) =>
      seedOrganization(tx, { id: 'alpha', name: { 'zh-CN': '甲厂', en: 'Alpha' } }, ALPHA, TEST_PASSWORD),
    );
    const [user] = await open.query<{ id: string }>("select id from users where org_id = 'alpha' and name = 'op'");
    // A long log (claims answered earlier) and the two claims of this push, still empty.
    await open.query(
      `insert into mutations (org_id, id, user_id, device_id, kind, record_id, result)
       select 'alpha', gen_random_uuid(), $1, 'tablet', 'create', gen_random_uuid(), '{"status":"accepted"}'::jsonb
         from generate_series(1, 5000)`,
      [user?.id],
    );
    const mine = [randomUUID(), randomUUID()];
    for (const id of mine) {
      await open.query(
        `insert into mutations (org_id, id, user_id, device_id, kind, record_id, result)
         values ('alpha', $1, $2, 'tablet', 'create', $3, '{}'::jsonb)`,
        [id, user?.id, randomUUID()],
      );
    }
    const answers: MutationResult[] = mine.map((id, i) => ({
      id,
      status: 'accepted',
      recordId: randomUUID(),
      revision: 1,
      seq: i + 1,
    }));

    await open.transaction((tx) => storeAnswers(tx, 'alpha', answers));

    const stored = await open.query<{ id: string; result: MutationResult }>(
      'select id, result from mutations where org_id = $1 and id = any($2::uuid[])',
      ['alpha', mine],
    );
    expect(new Map(stored.map((r) => [r.id, r.result]))).toEqual(new Map(answers.map((a) => [a.id, a])));
    const [untouched] = await open.query<{ n: number }>(
      `select count(*)::int as n from mutations where org_id = 'alpha' and result = '{"status":"accepted"}'::jsonb`,
    );
    expect(untouched?.n).toBe(5000);
    // The plan looks each answered row up by its key; the earlier join read every row of the org.
    const plan = await open.query(`explain ${STORE_ANSWERS_SQL}`, [
      'alpha',
      JSON.stringify(Object.fromEntries(answers.map((a) => [a.id, a]))),
      mine,
    ]);
    expect(JSON.stringify(plan)).toMatch(/Index Cond: \(\(org_id = 'alpha'::text\) AND \(id = ANY/);
  });
});
