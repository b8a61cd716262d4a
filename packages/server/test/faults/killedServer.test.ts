import { describe, expect, test } from 'vitest';
import { Client } from '../client.ts';
import { DB_KINDS, freshDatabase } from '../harness.ts';
import { create, type FileRef, inspection, upload, uuidv7 } from '../syncHarness.ts';
import { recordFigure } from './reliability.ts';
import { type ServerProcess, startServerProcess, stopProcess } from './serverProcess.ts';

const INSPECTIONS = 1600;
const STOCK_INS = 400;
const BATCH = 200;
/** Kills, each at a random moment of the push; then one last start that takes the rest. */
const KILLS = 3;

interface Tablet {
  user: string;
  deviceId: string;
  client: Client;
  outbox: ReturnType<typeof create>[];
}

const stockIn = (n: number) => ({
  id: uuidv7(),
  app: 'inventory',
  form: 'stock_in',
  version: 1,
  revision: 1,
  data: {
    doc_no: `RK-20250310-${String(n % 1000).padStart(3, '0')}`,
    in_date: '2025-03-10',
    in_type: 'purchase',
    supplier: '宁波精达',
    keeper: 'sun.li',
    lines: [1, 2].map((q) => ({
      _id: uuidv7(),
      item_code: `ITM-2000${q}`,
      item_name: '轴承',
      batch: 'B-1',
      qty: q,
      unit: 'pcs',
      location: 'A-03',
    })),
  },
  createdBy: 'sun.li',
  createdAt: '2025-03-10T08:00:00+08:00',
  deviceId: 'tablet-wh-01',
});

/** Pushes every batch of every tablet in turn; `onAnswer` hears each accepted mutation id. */
async function pushEverything(tablets: Tablet[], onAnswer: (id: string) => void, acknowledged: Set<string>) {
  const batches: { tablet: Tablet; mutations: Tablet['outbox'] }[] = [];
  for (const tablet of tablets) {
    const queued = tablet.outbox.filter((m) => !acknowledged.has(m.id));
    for (let i = 0; i < queued.length; i += BATCH) batches.push({ tablet, mutations: queued.slice(i, i + BATCH) });
  }
  // Interleave the two tablets, as two devices syncing at the same time would.
  batches.sort(
    (a, b) => a.tablet.outbox.indexOf(a.mutations[0] as never) - b.tablet.outbox.indexOf(b.mutations[0] as never),
  );
  for (const { tablet, mutations } of batches) {
    const answer = await tablet.client.post('/api/sync/push', { deviceId: tablet.deviceId, mutations });
    expect(answer.status).toBe(200);
    for (const r of answer.body.results as { id: string; status: string }[]) {
      expect(r.status).toBe('accepted');
      onAnswer(r.id);
    }
  }
}

describe.each(DB_KINDS)('a server killed again and again in the middle of a large push, on %s', (kind) => {
  test(`${INSPECTIONS + STOCK_INS} mutations, ${KILLS} kill -9s at random points: 0 lost, 0 partial, each once`, async () => {
    const database = await freshDatabase(kind);
    const env: Record<string, string> =
      kind === 'pglite' ? { DATA_DIR: database.location, DATABASE_URL: '' } : { DATABASE_URL: database.location };
    let running: ServerProcess | undefined;
    try {
      running = await startServerProcess(env);
      const qc = new Client(running.base);
      await qc.login('zhou.min', 'demo', 'demo1234');
      const keeper = new Client(running.base);
      await keeper.login('sun.li', 'demo', 'demo1234');
      const signature: FileRef = await upload(qc, 'killed server signature');
      const tablets: Tablet[] = [
        {
          user: 'zhou.min',
          deviceId: 'tablet-qc-01',
          client: qc,
          outbox: Array.from({ length: INSPECTIONS }, (_, i) => create(inspection(signature, { ng: i % 4 === 0 }))),
        },
        {
          user: 'sun.li',
          deviceId: 'tablet-wh-01',
          client: keeper,
          outbox: Array.from({ length: STOCK_INS }, (_, i) => create(stockIn(i) as never)),
        },
      ];
      const acknowledged = new Set<string>();
      const rounds: { killedAfterMs: number; acknowledgedBefore: number; acknowledgedAfter: number }[] = [];
      for (let round = 0; round < KILLS; round++) {
        // Kill at a random moment after this round's first answer (by progress, not by the clock).
        const killedAfterMs = Math.floor(Math.random() * 400);
        const acknowledgedBefore = acknowledged.size;
        let firstAnswer: () => void = () => {};
        const answered = new Promise<void>((resolve) => {
          firstAnswer = resolve;
        });
        const pushing = pushEverything(
          tablets,
          (id) => {
            acknowledged.add(id);
            firstAnswer();
          },
          acknowledged,
        )
          .catch(() => 'connection lost')
          .finally(() => firstAnswer());
        await answered;
        await new Promise((r) => setTimeout(r, killedAfterMs));
        await stopProcess(running.child, 'SIGKILL');
        await pushing;
        rounds.push({ killedAfterMs, acknowledgedBefore, acknowledgedAfter: acknowledged.size });
        // The same database, a new process; sessions live in the database and survive.
        running = await startServerProcess(env);
        for (const tablet of tablets) {
          const again = new Client(running.base);
          for (const [k, v] of tablet.client.cookies) again.cookies.set(k, v);
          tablet.client = again;
        }
      }
      const acknowledgedBeforeRetry = acknowledged.size;
      // The last start: the tablets push everything again, acknowledged mutations included.
      const retried = new Set<string>();
      await pushEverything(tablets, (id) => retried.add(id), new Set());
      expect(retried.size).toBe(INSPECTIONS + STOCK_INS);
      const admin = new Client(running.base);
      await admin.login('wang.fang', 'demo', 'demo1234');
      const verify = (await admin.get('/api/audit/verify')).body;
      expect(verify.ok).toBe(true);
      await stopProcess(running.child, 'SIGTERM');
      running = undefined;

      const db = await database.open();
      try {
        const ids = tablets.flatMap((t) => t.outbox.map((m) => m.record.id));
        const stockIds = tablets[1]?.outbox.map((m) => m.record.id) ?? [];
        const n = async (sql: string, params: unknown[] = [ids]) =>
          Number((await db.query<{ n: number }>(sql, params))[0]?.n);
        const figures = {
          records: await n('select count(*)::int as n from records where id = any($1)'),
          distinct: await n('select count(distinct id)::int as n from records where id = any($1)'),
          withoutRevision: await n(
            'select count(*)::int as n from records r where r.id = any($1) and not exists (select 1 from record_revisions v where v.org_id = r.org_id and v.record_id = r.id)',
          ),
          revisions: await n('select count(*)::int as n from record_revisions where record_id = any($1)'),
          withoutLines: await n(
            "select count(*)::int as n from records where id = any($1) and jsonb_array_length(coalesce(data->'items', data->'lines', '[]'::jsonb)) = 0",
          ),
          audited: await n(
            "select count(*)::int as n from audit_log where entity_id = any($1::text[]) and action = 'record.create'",
          ),
          auditedDistinct: await n(
            "select count(distinct entity_id)::int as n from audit_log where entity_id = any($1::text[]) and action = 'record.create'",
          ),
          stockInsWithoutPostings: await n(
            'select count(*)::int as n from unnest($1::uuid[]) as s(id) where not exists (select 1 from ledger_entries e where e.record_id = s.id)',
            [stockIds],
          ),
          postings: await n('select count(*)::int as n from ledger_entries where record_id = any($1)', [stockIds]),
          mutations: await n('select count(*)::int as n from mutations where record_id = any($1)'),
          unanswered: await n(
            "select count(*)::int as n from mutations where record_id = any($1) and result = '{}'::jsonb",
          ),
          postedQty: await n(
            "select coalesce(sum((measures->>'qty')::numeric), 0)::int as n from ledger_entries where record_id = any($1)",
            [stockIds],
          ),
        };
        const total = INSPECTIONS + STOCK_INS;
        const lost =
          [...acknowledged].length -
          (await n('select count(*)::int as n from mutations where id = any($1)', [[...acknowledged]]));
        expect({ ...figures, lost }).toEqual({
          records: total,
          distinct: total,
          withoutRevision: 0,
          revisions: total,
          withoutLines: 0,
          audited: total,
          auditedDistinct: total,
          stockInsWithoutPostings: 0,
          // Two lines per stock-in, one posting each.
          postings: 2 * STOCK_INS,
          mutations: total,
          unanswered: 0,
          postedQty: 3 * STOCK_INS,
          lost: 0,
        });
        // The kills really came in the middle: something was still queued when the last one hit.
        expect(acknowledgedBeforeRetry).toBeLessThan(total);
        const partial =
          figures.withoutRevision + figures.withoutLines + figures.stockInsWithoutPostings + (total - figures.audited);
        recordFigure(
          'killed-server',
          kind,
          `${total} mutations pushed, server kill -9'd ${KILLS} times mid-push and restarted: ${acknowledgedBeforeRetry} acknowledged before the last start, 0 lost, ${partial} partial, ${figures.records - figures.distinct} duplicates after the full re-push`,
          { total, kills: KILLS, rounds, acknowledgedBeforeRetry, lost, partial, ...figures },
        );
      } finally {
        await db.close();
      }
    } finally {
      if (running) await stopProcess(running.child, 'SIGKILL');
      await database.drop();
    }
  }, 300_000);
});
