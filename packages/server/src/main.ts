/**
 * `pnpm start`: open the database (PGlite in DATA_DIR, or DATABASE_URL), migrate, seed the demo
 * organization on first start, serve. Prints the URLs and, after seeding, the demo accounts.
 */
import { mkdir } from 'node:fs/promises';
import { localize } from '@gongfang/schema';
import { buildServer } from './app.ts';
import { readConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';
import { startWebhookWorker } from './notify/worker.ts';
import { seedApps } from './seed/apps.ts';
import { DEMO_ORG, DEMO_PASSWORD, type DemoSeed, EXAMPLES_DIR, seedDemoIfEmpty } from './seed/demo.ts';

function printAccounts(seed: DemoSeed): void {
  console.log(
    `\n示范工厂 / Demo Factory (org "${DEMO_ORG.id}") — 演示账号 / demo accounts, password: ${DEMO_PASSWORD}`,
  );
  const rows = seed.users.map((u) => ({
    user: u.name,
    name: `${localize(u.displayName, 'zh-CN')} / ${localize(u.displayName, 'en')}`,
    roles: u.roles.join(', '),
    PIN: u.pin ?? '',
  }));
  console.table(rows);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
  const seeded = await seedDemoIfEmpty(db);
  if (seeded) {
    const apps = await seedApps(db, DEMO_ORG.id, EXAMPLES_DIR);
    printAccounts(seeded);
    if (apps.length > 0) console.log(`example apps published: ${apps.join(', ')}`);
  }
  const app = await buildServer({ db, logger: { level: config.logLevel }, trustProxy: config.trustProxy });
  await app.listen({ port: config.port, host: config.host });
  // Delivers queued webhooks; several processes may each run one (claims use SKIP LOCKED).
  const webhooks = startWebhookWorker(db, {
    egress: config.webhookEgress,
    onError: (error) => app.log.error({ err: error }, 'webhook worker'),
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const storage = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`\nGongfang is running on ${storage}
  API       ${base}/api/
  OpenAPI   ${base}/api/openapi.json
  运行端 / runtime    ${base}/app/
  设计器 / designer   ${base}/designer/
`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    await app.close();
    await webhooks.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
