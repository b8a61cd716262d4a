/**
 * Reads the tables of the throw-away PostgreSQL with the cluster's own `psql`: what the server
 * stored, not what its API chooses to show. The e2e package has no database driver of its own.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PG_BIN } from '../../server/src/testing/postgres.ts';

/**
 * Runs one query and returns its rows as arrays of text (null as ''). `vars` become psql variables:
 * refer to them as `:'name'` in the query, which psql quotes as a literal.
 */
export function psqlRows(databaseUrl: string, query: string, vars: Record<string, string> = {}): string[][] {
  const args = [databaseUrl, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1'];
  for (const [name, value] of Object.entries(vars)) args.push('-v', `${name}=${value}`);
  // From stdin, not -c: psql substitutes variables only in what it reads as a script.
  const out = execFileSync(join(PG_BIN, 'psql'), args, { input: `${query};\n`, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/** A PostgreSQL array literal of text values, for `:'name'::uuid[]` and the like. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
