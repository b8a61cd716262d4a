/** What both sync-benchmark pages share (bench/src/sync.bench.ts drives them). */
export interface BenchRecord {
  id: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
}

let prepared: (() => Promise<number>) | undefined;

/** Keeps the prepared drain until `drain` runs it (once). */
export function setDrain(run: () => Promise<number>): void {
  prepared = run;
}

export function drain(): Promise<number> {
  const run = prepared;
  prepared = undefined;
  if (!run) return Promise.reject(new Error('nothing prepared'));
  return run();
}
