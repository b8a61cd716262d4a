/*
 * Row 7, ours: the real server (buildServer) on PGlite in a fresh temp folder, the demo organization
 * seeded and inventory published; signs sun.li in and prints one JSON line {port, cookie, csrf}.
 * Started pinned to a core by server.bench.ts; ends on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, openPglite } from '@gongfang/server';
import { PASSWORD, prepareServerDb } from './serverFixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongfang-bench-ingest-'));
const db = await openPglite(join(dir, 'data'));
await prepareServerDb(db);
const app = await buildServer({ db });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ org: 'demo', user: 'sun.li', password: PASSWORD }),
});
if (login.status !== 200) throw new Error(`login: ${login.status}`);
const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0] as string);
const csrf = cookies.find((c) => c.startsWith('gf_csrf='))?.slice('gf_csrf='.length) ?? '';
process.stdout.write(`${JSON.stringify({ port, cookie: cookies.join('; '), csrf })}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  })();
});
