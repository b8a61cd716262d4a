/*
 * Where a validated push spends its time: pushes stock-in records in-process (Fastify inject, no
 * sockets) through POST /api/sync/push on PGlite, and reports the time per statement kind (a Db
 * wrapper times every query, and counts the statements of each push, BEGIN and COMMIT included)
 * against the whole:
 *   npx tsx bench/src/serverProfile.ts [records] [records per push] [--http] [--profile=out.cpuprofile]
 * `--http` pushes over a socket; `--profile` writes a CPU profile of the timed pushes alone (open it
 * in Chrome DevTools or speedscope).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, type Db, openPglite, type Queryable } from '@gongfang/server';
import { prepareServerDb, stockIn, uuidv7 } from './serverFixture.ts';

interface Stat {
  n: number;
  ms: number;
}

function timed(db: Db, stats: Map<string, Stat>): Db {
  const wrap = (q: Queryable): Queryable => ({
    async query<T extends object>(sql: string, params?: readonly unknown[]) {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
      const t = performance.now();
      try {
        return await q.query<T>(sql, params);
      } finally {
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n += 1;
        s.ms += performance.now() - t;
        stats.set(key, s);
      }
    },
    exec: (sql) => q.exec(sql),
  });
  const base = wrap(db);
  const count = (key: string) => {
    const s = stats.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    stats.set(key, s);
  };
  return {
    ...db,
    query: base.query,
    exec: base.exec,
    transaction: (fn) => {
      count('begin');
      return db.transaction((tx) => fn(wrap(tx))).finally(() => count('commit / rollback'));
    },
  };
}

async function bareInsertMs(db: Db, total: number): Promise<number> {
  const [keeper] = await db.query<{ id: string }>("select id from users where org_id = 'demo' and name = 'sun.li'");
  const t = performance.now();
  for (let i = 0; i < total; i += 200) {
    const params: unknown[] = [];
    const values = Array.from({ length: Math.min(200, total - i) }, () => {
      const r = stockIn();
      params.push(r.id, JSON.stringify(r.data), keeper?.id, r.createdAt);
      const p = params.length;
      return `('demo', $${p - 3}, 'inventory', 'stock_in', 1, 1, $${p - 2}, $${p - 1}, $${p}, $${p}, 'bench-tablet')`;
    });
    await db.query(
      `insert into records (org_id, id, app_id, form_id, version, revision, data, created_by, created_at, updated_at, device_id)
       values ${values.join(', ')}`,
      params,
    );
  }
  return performance.now() - t;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const per = Number(process.argv[3] ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'gongfang-profile-'));
  const raw = await openPglite(join(dir, 'data'));
  const stats = new Map<string, Stat>();
  try {
    await prepareServerDb(raw);
    const db = timed(raw, stats);
    const app = await buildServer({ db });
    let base = '';
    if (process.argv.includes('--http')) {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    }
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: 'demo', user: 'sun.li', password: 'bench-password' },
    });
    const cookies = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.cookies.find((c) => c.name === 'gf_csrf')?.value ?? '';
    const push = async (n: number) => {
      const body = {
        deviceId: 'bench-tablet',
        mutations: Array.from({ length: n }, () => ({ id: uuidv7(), kind: 'create', record: stockIn() })),
      };
      if (base) {
        const r = await fetch(`${base}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies, 'x-csrf-token': csrf },
          body: JSON.stringify(body),
        });
        const text = await r.text();
        if (r.status !== 200) throw new Error(`push ${r.status}: ${text.slice(0, 300)}`);
        return;
      }
      const r = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: cookies, 'x-csrf-token': csrf },
        payload: body,
      });
      if (r.statusCode !== 200) throw new Error(`push ${r.statusCode}: ${r.body.slice(0, 300)}`);
    };
    const profileTo = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
    for (let i = 0; i < 20; i++) await push(per);
    stats.clear();
    const session = new Session();
    if (profileTo) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    const t = performance.now();
    let pushes = 0;
    const each: number[] = [];
    for (let i = 0; i < total; i += per) {
      const started = performance.now();
      await push(Math.min(per, total - i));
      each.push(performance.now() - started);
      pushes += 1;
    }
    const ms = performance.now() - t;
    // A push that gets slower as the tables grow shows here (a statement reading more than its rows).
    const tenth = Math.max(1, Math.floor(each.length / 10));
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    console.log(
      `first tenth ${mean(each.slice(0, tenth)).toFixed(2)} ms per push, last tenth ${mean(each.slice(-tenth)).toFixed(2)} ms`,
    );
    if (profileTo) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the timed pushes: ${profileTo}`);
    }
    const statements = [...stats.values()].reduce((a, s) => a + s.n, 0);
    console.log(
      `${pushes} pushes of ${per}: ${(ms / pushes).toFixed(2)} ms per push, ${(statements / pushes).toFixed(1)} statements per push (BEGIN and COMMIT included)`,
    );
    const sql = [...stats.values()].reduce((a, s) => a + s.ms, 0);
    console.log(`${total} records: ${(ms / total).toFixed(3)} ms/record, SQL ${(sql / total).toFixed(3)} ms/record`);
    for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
      const each = `${(s.n / pushes).toFixed(1)}×/push`;
      console.log(`${(s.ms / total).toFixed(3).padStart(7)} ms/rec ${each.padStart(11)}  ${key}`);
    }
    const bare = await bareInsertMs(raw, total);
    console.log(`bare multi-row INSERT: ${(bare / total).toFixed(3)} ms/record; ratio ${(bare / ms).toFixed(2)}`);
    await app.close();
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
