import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EXAMPLES_DIR, loadDemoSeed } from '../src/seed/demo.ts';
import { Client } from './client.ts';
import { DB_KINDS, freshDatabase } from './harness.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

interface SeedLine {
  item_code: string;
  location: string;
  qty: number;
}

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** `pnpm start` as a user runs it, on a free port; resolves once it prints its URLs. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(TSX, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/api\/openapi\.json/.exec(out);
      if (match?.[1]) resolve({ child, base: match[1], output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving:\n${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe.each(DB_KINDS)('the start command on %s', (kind) => {
  test('migrates, seeds the demo factory once, prints URLs and accounts, and shuts down cleanly', async () => {
    const database = await freshDatabase(kind);
    const env: Record<string, string> =
      kind === 'pglite' ? { DATA_DIR: database.location, DATABASE_URL: '' } : { DATABASE_URL: database.location };
    try {
      const first = await start(env);
      expect(first.output()).toMatch(/示范工厂 \/ Demo Factory/);
      expect(first.output()).toMatch(/password: demo1234/);
      expect(first.output()).toMatch(/wang\.fang.*it_admin/);
      expect(first.output()).toMatch(/\/app\/[\s\S]*\/designer\//);
      const admin = new Client(first.base);
      await admin.login('wang.fang', 'demo', 'demo1234');
      const me = (await admin.get('/api/me')).body;
      expect(me.org.name['zh-CN']).toBe('示范工厂');
      // seedApps published the example apps; an operator sees those that name the operator role.
      expect(first.output()).toMatch(/example apps published: inventory, quality_inspection, shift_handover/);
      const apps = (await admin.get('/api/apps')).body.apps.map((a: { id: string }) => a.id);
      expect(apps).toEqual(['inventory', 'quality_inspection', 'shift_handover']);
      const operator = new Client(first.base);
      await operator.login('liu.yang', 'demo', 'demo1234');
      expect((await operator.get('/api/apps')).body.apps.map((a: { id: string }) => a.id)).toContain('inventory');
      const users = (await admin.get('/api/admin/users')).body.users as {
        id: string;
        name: string;
        leadId: string | null;
      }[];
      expect(users.length).toBeGreaterThanOrEqual(9);
      const byName = new Map(users.map((u) => [u.name, u]));
      // Leads from examples/*/seed.json are linked by name after everyone exists.
      expect(byName.get('liu.yang')?.leadId).toBe(byName.get('zhang.wei')?.id);
      // Seed records went through the accept path: the NG inspection waits for the QC lead, and the
      // stock ledger holds the receipts (the seeded issues still wait for the keeper's confirmation).
      const lead = new Client(first.base);
      await lead.login('huang.tao', 'demo', 'demo1234');
      const tasks = (await lead.get('/api/tasks?status=open')).body.tasks as { task: { app: string; node: string } }[];
      expect(tasks.some((t) => t.task.app === 'quality_inspection' && t.task.node === 'qc_lead_review')).toBe(true);
      const keeper = new Client(first.base);
      await keeper.login('sun.li', 'demo', 'demo1234');
      const stock = (await keeper.get('/api/ledgers/inventory/stock/balances?limit=100')).body.balances as {
        key: { item: string; location: string };
        measures: { qty: number };
      }[];
      // Stock-in lines minus the lines of the issues their flow approved (the keeper's own scrap
      // issue needs no confirmation; the others wait for it).
      const expected = new Map<string, number>();
      const seed = JSON.parse(readFileSync(new URL('../../../examples/inventory/seed.json', import.meta.url), 'utf8'));
      for (const r of seed.records as { id: string; form: string; data: { lines: SeedLine[] } }[]) {
        const sign = r.form === 'stock_in' ? 1 : -1;
        if (sign < 0 && (await keeper.get(`/api/records/${r.id}`)).body.workflow.status !== 'approved') continue;
        for (const l of r.data.lines) {
          const key = `${l.item_code}@${l.location}`;
          expected.set(key, (expected.get(key) ?? 0) + sign * l.qty);
        }
      }
      expect(stock.length).toBeGreaterThan(0);
      expect(new Map(stock.map((b) => [`${b.key.item}@${b.key.location}`, Number(b.measures.qty)]))).toEqual(expected);
      expect(await stop(first.child)).toBe(0);

      // The second start finds the organization and seeds nothing.
      const second = await start(env);
      expect(second.output()).not.toMatch(/demo accounts/);
      const again = new Client(second.base);
      await again.login('wang.fang', 'demo', 'demo1234');
      const verify = (await again.get('/api/audit/verify')).body;
      expect(verify.ok).toBe(true);
      expect(await stop(second.child)).toBe(0);
    } finally {
      await database.drop();
    }
  }, 180_000); // two cold starts (tsx compile, migrate, seed) on a busy machine
});

describe('two start commands at once on one empty PostgreSQL (scale-out)', () => {
  test('migrate and seed once between them, and both serve the same factory', async () => {
    const database = await freshDatabase('postgres');
    const env = { DATABASE_URL: database.location };
    const running: Started[] = [];
    try {
      const both = await Promise.allSettled([start(env), start(env)]);
      for (const s of both) if (s.status === 'fulfilled') running.push(s.value);
      expect(both.map((s) => (s.status === 'rejected' ? String(s.reason) : 'running'))).toEqual(['running', 'running']);
      const outputs = running.map((s) => s.output());
      // The advisory locks queue the second start behind the first: one migrates and seeds.
      expect(outputs.filter((o) => /migrations applied/.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => /demo accounts/.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => /example apps published/.test(o))).toHaveLength(1);

      const seedRecords = readdirSync(EXAMPLES_DIR)
        .map((dir) => join(EXAMPLES_DIR, dir, 'seed.json'))
        .filter((path) => existsSync(path))
        .flatMap(
          (path) => (JSON.parse(readFileSync(path, 'utf8')) as { records?: { version: number }[] }).records ?? [],
        )
        .filter((r) => r.version === 1);
      const db = await database.open();
      try {
        const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0]?.n);
        expect(await count('select count(*) as n from organizations')).toBe(1);
        expect(await count('select count(*) as n from users')).toBe((await loadDemoSeed()).users.length);
        expect(await count('select count(*) as n from app_versions')).toBe(3);
        expect(await count('select count(*) as n from template_versions')).toBe(1);
        expect(await count('select count(*) as n from records')).toBe(seedRecords.length);
      } finally {
        await db.close();
      }
      for (const { base } of running) {
        const admin = new Client(base);
        await admin.login('wang.fang', 'demo', 'demo1234');
        const apps = (await admin.get('/api/apps')).body.apps.map((a: { id: string }) => a.id);
        expect(apps).toEqual(['inventory', 'quality_inspection', 'shift_handover']);
        expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
      }
    } finally {
      for (const { child } of running) await stop(child);
      await database.drop();
    }
  }, 180_000); // two cold starts at once on a busy machine
});
