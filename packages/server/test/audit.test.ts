import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendAudit } from '../src/audit/chain.ts';
import { verifyAudit } from '../src/audit/verify.ts';
import { type Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Edits audit_log as the database superuser would, with the append-only trigger switched off. */
async function tamper(server: TestServer, sql: string, params: unknown[]): Promise<void> {
  await server.db.transaction(async (tx) => {
    await tx.exec('set local session_replication_role = replica');
    await tx.query(sql, params);
  });
}

describe.each(DB_KINDS)('audit log on %s', (kind) => {
  let server: TestServer;
  let admin: Client;
  beforeAll(async () => {
    server = await startServer(kind);
    admin = await signedInAs(server.base, 'admin');
  });
  afterAll(() => server.close());

  test('a change over HTTP is audited with actor, time, before and after, in the same org', async () => {
    const created = await admin.post('/api/admin/users', {
      name: 'audited',
      displayName: { 'zh-CN': '审计', en: 'Audited' },
      password: 'long enough',
      roles: ['operator'],
    });
    await admin.patch(`/api/admin/users/${created.body.id}`, { roles: ['shift_lead'], pin: '9999' });
    const page = await admin.get(`/api/audit?entityType=user&entityId=${created.body.id}`);
    expect(page.status).toBe(200);
    const [update, create] = page.body.entries;
    expect(create).toMatchObject({ action: 'user.create', actorName: 'admin', before: null });
    expect(create.after).toMatchObject({ name: 'audited', roles: ['operator'], hasPin: false });
    expect(update).toMatchObject({ action: 'user.update', before: { roles: ['operator'] } });
    expect(update.after).toMatchObject({ roles: ['shift_lead'], hasPin: true, pinChanged: true });
    expect(JSON.stringify(page.body)).not.toMatch(/scrypt\$|9999/);
    expect(Date.now() - Date.parse(update.at)).toBeLessThan(60_000);
  });

  test('a change that fails leaves no audit entry (same transaction)', async () => {
    const before = (await admin.get('/api/audit?limit=1')).body.entries[0].seq as number;
    const failed = await admin.post('/api/admin/users', {
      name: 'ghost',
      displayName: { 'zh-CN': '幽灵' },
      password: 'long enough',
      roles: ['no_such_role'],
    });
    expect(failed.status).toBe(400);
    expect((await admin.get('/api/audit?limit=1')).body.entries[0].seq).toBe(before);
    expect((await admin.get('/api/admin/users')).body.users.map((u: { name: string }) => u.name)).not.toContain(
      'ghost',
    );
  });

  test('pages newest first with `before`, and filters by action and time', async () => {
    const first = await admin.get('/api/audit?limit=3');
    expect(first.body.entries).toHaveLength(3);
    const seqs = first.body.entries.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const second = await admin.get(`/api/audit?limit=3&before=${first.body.nextBefore}`);
    expect(second.body.entries[0].seq).toBe(seqs[2] - 1);
    const logins = (await admin.get('/api/audit?action=session.login')).body.entries;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e: { action: string }) => e.action === 'session.login')).toBe(true);
    const future = await admin.get(`/api/audit?from=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(future.body.entries).toEqual([]);
  });

  test('the database refuses UPDATE and DELETE on audit_log', async () => {
    await expect(server.db.query("update audit_log set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(server.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  test('concurrent changes keep one unbroken chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.post('/api/admin/roles', { id: `par_${i}`, name: { 'zh-CN': `并发${i}` } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    if (kind === 'postgres') {
      // Two "processes" (separate pools) appending at once to the same org.
      const second = await server.database.open();
      try {
        const write = (db: typeof second, tag: string) =>
          Promise.all(
            Array.from({ length: 25 }, (_, i) =>
              db.transaction((tx) =>
                appendAudit(tx, {
                  orgId: 'alpha',
                  actor: null,
                  action: 'test.race',
                  entityType: 'race',
                  entityId: `${tag}${i}`,
                }),
              ),
            ),
          );
        await Promise.all([write(server.db, 'a'), write(second, 'b')]);
      } finally {
        await second.close();
      }
    }
    const verified = await admin.get('/api/audit/verify');
    expect(verified.body.ok).toBe(true);
  });

  test('verify finds an edited entry, a re-linked entry and entries cut from the end', async () => {
    const ok = await admin.get('/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true });
    const total = ok.body.entries as number;
    expect(total).toBeGreaterThan(10);
    // Someone with database access quietly changes what an entry says.
    await tamper(
      server,
      `update audit_log set after = jsonb_set(after, '{roles}', '["plant_manager"]') where org_id = 'alpha' and seq = 5`,
      [],
    );
    const broken = await admin.get('/api/audit/verify');
    expect(broken.body).toEqual({ ok: false, entries: 4, broken: { seq: 5, reason: 'hash-mismatch' } });
    // Recomputing that entry's hash does not help: the next entry still points at the old one.
    const { entryHash } = await import('../src/audit/chain.ts');
    const { toAuditEntry, AUDIT_COLUMNS } = await import('../src/audit/rows.ts');
    const [row] = await server.db.query(`select ${AUDIT_COLUMNS} from audit_log where org_id = 'alpha' and seq = 5`);
    const { hash: _old, ...unhashed } = toAuditEntry(row as never);
    await tamper(server, "update audit_log set hash = $1 where org_id = 'alpha' and seq = 5", [entryHash(unhashed)]);
    expect((await admin.get('/api/audit/verify')).body.broken).toEqual({ seq: 6, reason: 'prev-hash-mismatch' });
    // Beta's chain is untouched and still verifies.
    expect((await verifyAudit(server.db, 'beta')).ok).toBe(true);
    // Cutting the tail of beta's log shows as a head mismatch.
    await tamper(
      server,
      "delete from audit_log where org_id = 'beta' and seq = (select max(seq) from audit_log where org_id = 'beta')",
      [],
    );
    const beta = await verifyAudit(server.db, 'beta');
    expect(beta.orgs[0]?.broken?.reason).toBe('head-mismatch');
  });
});

describe.each(DB_KINDS)('audit-verify CLI on %s', (kind) => {
  test('exits 0 on an intact log and 1 naming the broken entry after tampering', async () => {
    const server = await startServer(kind);
    const location = server.database.location;
    const env = {
      ...process.env,
      ...(kind === 'postgres' ? { DATABASE_URL: location } : { DATA_DIR: location, DATABASE_URL: '' }),
    };
    const cli = () =>
      promisify(execFile)(TSX, [CLI, 'audit-verify'], { env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    try {
      await tamper(server, "update audit_log set actor_name = 'someone else' where org_id = 'beta' and seq = 2", []);
      // PGlite is one process per folder: let go of it while the CLI reads it.
      await server.app.close();
      if (kind === 'pglite') await server.db.close();
      const result = await cli();
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/alpha: \d+ entries verified, ok/);
      expect(result.out).toMatch(/beta: 1 entries verified, BROKEN at seq 2 \(hash-mismatch\)/);
    } finally {
      if (kind === 'postgres') await server.db.close();
      await server.database.drop();
    }
  });
});
