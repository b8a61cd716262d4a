import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildServer, type ServerOptions } from '../src/app.ts';
import type { Db } from '../src/db/Db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { type DemoSeed, seedOrganization } from '../src/seed/demo.ts';

export type DbKind = 'pglite' | 'postgres';
/** Every server test runs once per database. */
export const DB_KINDS: DbKind[] = ['pglite', 'postgres'];

export interface TestDatabase {
  kind: DbKind;
  /** The PGlite folder or the PostgreSQL URL, to open a second handle (CLI, second process). */
  location: string;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** A new, empty database of `kind`: a copy of the PGlite template, or a new PostgreSQL database. */
export async function freshDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const root = mkdtempSync(join(tmpdir(), 'gongfang-test-'));
    const dir = join(root, 'data');
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    return {
      kind,
      location: dir,
      open: () => openPglite(dir),
      drop: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  const name = `gf_test_${Math.random().toString(36).slice(2, 10)}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = inject('pgAdminUrl').replace(/\/postgres$/, `/${name}`);
  return {
    kind,
    location: url,
    open: () => openPostgres(url),
    drop: async () => {
      const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const TEST_PASSWORD = 'correct horse';

/** Two small factories, so every test can check that nothing crosses between them. */
export const ALPHA: DemoSeed = {
  roles: [
    { id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } },
    { id: 'shift_lead', name: { 'zh-CN': '班组长', en: 'Shift lead' } },
    { id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } },
  ],
  users: [
    { name: 'admin', displayName: { 'zh-CN': '管理员', en: 'Admin' }, roles: ['it_admin'] },
    { name: 'lead', displayName: { 'zh-CN': '班长', en: 'Lead' }, roles: ['shift_lead'], pin: '2580' },
    {
      name: 'op',
      displayName: { 'zh-CN': '操作工', en: 'Operator' },
      roles: ['operator'],
      lead: 'lead',
      pin: '1357',
      badge: 'BADGE-OP',
    },
  ],
};
export const BETA: DemoSeed = {
  roles: [{ id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } }],
  users: [
    { name: 'admin', displayName: { 'zh-CN': '乙厂管理员', en: 'Beta admin' }, roles: ['it_admin'] },
    { name: 'op', displayName: { 'zh-CN': '乙厂操作工', en: 'Beta operator' }, roles: [] },
  ],
};

export interface TestServer {
  base: string;
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  /** Stops the server, closes the database and deletes it. */
  close(): Promise<void>;
}

/** Migrated and seeded (orgs `alpha` and `beta`), listening on a free port of 127.0.0.1. */
export async function startServer(kind: DbKind, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await freshDatabase(kind);
  const db = await database.open();
  await migrate(db);
  await db.transaction(async (tx) => {
    await seedOrganization(tx, { id: 'alpha', name: { 'zh-CN': '甲厂', en: 'Alpha' } }, ALPHA, TEST_PASSWORD);
    await seedOrganization(tx, { id: 'beta', name: { 'zh-CN': '乙厂', en: 'Beta' } }, BETA, TEST_PASSWORD);
  });
  const app = await buildServer({ db, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    app,
    db,
    database,
    async close() {
      await app.close();
      await db.close();
      await database.drop();
    },
  };
}
