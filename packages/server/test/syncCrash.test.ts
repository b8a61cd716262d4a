import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { Client } from './client.ts';
import { DB_KINDS, freshDatabase } from './harness.ts';
import { create, inspection, upload } from './syncHarness.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a grandchild that a
// SIGKILL of the CLI would leave running.
const TSX_LOADER = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const RECORDS = 1000;
const BATCH = 200;

/** `pnpm start` in a child process; resolves with its base URL once it serves. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/api\/openapi\.json/.exec(out);
      if (match?.[1]) resolve({ child, base: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving:\n${out}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(DB_KINDS)('a server killed in the middle of a large push on %s', (kind) => {
  test('after a restart and the client retrying, every record is there exactly once and none is partial', async () => {
    const database = await freshDatabase(kind);
    const env: Record<string, string> =
      kind === 'pglite' ? { DATA_DIR: database.location, DATABASE_URL: '' } : { DATABASE_URL: database.location };
    let running: ChildProcess | undefined;
    try {
      const first = await start(env);
      running = first.child;
      const tablet = new Client(first.base);
      await tablet.login('zhou.min', 'demo', 'demo1234');
      const signature = await upload(tablet, 'crash test signature');
      const outbox = Array.from({ length: RECORDS }, () => create(inspection(signature)));
      const answered = new Set<string>();

      // Push batch after batch; kill -9 the server at a random moment after the first batch was
      // answered (by progress, not by the clock: a fast server would otherwise finish first).
      const killAfterMs = Math.floor(Math.random() * 250);
      let firstAnswered: () => void = () => {};
      const answeredOnce = new Promise<void>((resolve) => {
        firstAnswered = resolve;
      });
      const pushing = (async () => {
        for (let i = 0; i < outbox.length; i += BATCH) {
          const answer = await tablet.post('/api/sync/push', {
            deviceId: 'tablet-qc-01',
            mutations: outbox.slice(i, i + BATCH),
          });
          for (const r of answer.body.results as { id: string; status: string }[]) {
            expect(r.status).toBe('accepted');
            answered.add(r.id);
          }
          firstAnswered();
        }
      })().catch(() => 'connection lost');
      await answeredOnce;
      await new Promise((r) => setTimeout(r, killAfterMs));
      await killHard(first.child);
      running = undefined;
      await pushing;
      const answeredBeforeKill = answered.size;

      // Restart on the same data; the session cookie is still valid (sessions live in the database).
      const second = await start(env);
      running = second.child;
      const again = new Client(second.base);
      for (const [k, v] of tablet.cookies) again.cookies.set(k, v);
      let committedBeforeRetry = 0;
      for (let cursor = '', more = true; more; ) {
        const page = (await again.get(`/api/sync/pull?cursor=${cursor}&limit=500`)).body;
        committedBeforeRetry += page.changes.filter((c: { type: string }) => c.type === 'record').length;
        cursor = page.cursor;
        more = page.more;
      }
      // The client retries everything still queued (and, to be harsh, the answered ones too).
      for (let i = 0; i < outbox.length; i += BATCH) {
        const answer = await again.post('/api/sync/push', {
          deviceId: 'tablet-qc-01',
          mutations: outbox.slice(i, i + BATCH),
        });
        expect(answer.status).toBe(200);
        expect(answer.body.results.map((r: { status: string }) => r.status)).toEqual(
          Array(answer.body.results.length).fill('accepted'),
        );
        expect(answer.body.results).toHaveLength(Math.min(BATCH, outbox.length - i));
      }
      const admin = new Client(second.base);
      await admin.login('wang.fang', 'demo', 'demo1234');
      expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
      await new Promise<void>((resolve) => {
        second.child.once('exit', () => resolve());
        second.child.kill('SIGTERM');
      });
      running = undefined;

      const db = await database.open();
      try {
        const ids = outbox.map((m) => m.record.id);
        const one = async (sql: string) => Number((await db.query<{ n: number }>(sql, [ids]))[0]?.n);
        const figures = {
          kind,
          pushed: RECORDS,
          killedAfterMs: killAfterMs,
          answeredBeforeKill,
          committedBeforeRetry,
          records: await one('select count(*)::int as n from records where id = any($1)'),
          distinct: await one('select count(distinct id)::int as n from records where id = any($1)'),
          revisions: await one('select count(*)::int as n from record_revisions where record_id = any($1)'),
          withoutRevision: await one(
            'select count(*)::int as n from records r where r.id = any($1) and not exists (select 1 from record_revisions v where v.org_id = r.org_id and v.record_id = r.id)',
          ),
          mutations: await one('select count(*)::int as n from mutations where record_id = any($1)'),
          unanswered: await one(
            "select count(*)::int as n from mutations where record_id = any($1) and result = '{}'::jsonb",
          ),
          audited: await one(
            "select count(*)::int as n from audit_log where entity_id = any($1::text[]) and action = 'record.create'",
          ),
        };
        console.log('crash test figures', JSON.stringify(figures));
        expect(figures).toMatchObject({
          records: RECORDS,
          distinct: RECORDS,
          revisions: RECORDS,
          withoutRevision: 0,
          mutations: RECORDS,
          unanswered: 0,
          audited: RECORDS,
        });
        // The kill really came in the middle: not everything had been applied.
        expect(committedBeforeRetry).toBeLessThan(RECORDS);
        expect(committedBeforeRetry).toBeGreaterThanOrEqual(answeredBeforeKill);
      } finally {
        await db.close();
      }
    } finally {
      if (running) await killHard(running);
      await database.drop();
    }
  }, 180_000);
});
