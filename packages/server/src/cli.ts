/**
 * Operator commands against the configured database (DATABASE_URL or DATA_DIR):
 *   tsx packages/server/src/cli.ts audit-verify [org]   exit 0 when every chain verifies, 1 if not
 *   tsx packages/server/src/cli.ts migrate
 */
import { verifyAudit } from './audit/verify.ts';
import { readConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDb } from './db/open.ts';

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = readConfig(process.env);
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (command === 'migrate') {
      const applied = await migrate(db);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'up to date');
      return 0;
    }
    if (command === 'audit-verify') {
      const report = await verifyAudit(db, args[0]);
      for (const org of report.orgs) {
        const state = org.ok ? 'ok' : `BROKEN at seq ${org.broken?.seq} (${org.broken?.reason})`;
        console.log(`${org.orgId}: ${org.entries} entries verified, ${state}`);
      }
      return report.ok ? 0 : 1;
    }
    console.error('usage: cli.ts audit-verify [org] | migrate');
    return 2;
  } finally {
    await db.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
