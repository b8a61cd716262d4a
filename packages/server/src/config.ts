import { type EgressPolicy, parseEgressPolicy } from './notify/egress.ts';

/** Settings from the environment, with the defaults the README promises. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
  /** Private networks and hosts webhooks may reach (`WEBHOOK_ALLOW_NETS`, see notify/egress.ts). */
  webhookEgress: EgressPolicy;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, not ${env.PORT}`);
  return {
    port,
    host: env.HOST || 'localhost',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || 'info',
    webhookEgress: parseEgressPolicy(env.WEBHOOK_ALLOW_NETS),
  };
}
