// `pnpm gongfang validate <file>...` — see run.ts. This entry only sets up the process and makes
// sure nothing escapes as a stack trace.

export {};

function internalError(e: unknown): void {
  process.stderr.write(`gongfang: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}

try {
  const { main } = await import('./run.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  internalError(e);
}
