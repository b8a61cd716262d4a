import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
// node itself with tsx's loader, not the tsx CLI: the CLI runs the server in a grandchild that a
// SIGKILL of the CLI would leave running.
const TSX_LOADER = new URL('../../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

export interface ServerProcess {
  child: ChildProcess;
  base: string;
}

/** `pnpm start` in a child process on a free port; resolves with its base URL once it serves. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OpenAPI\s+(http:\/\/[^/\s]+)\/api\/openapi\.json/.exec(out);
      if (match?.[1]) resolve({ child, base: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving:\n${out}`)));
  });
}

/** Ends the process with `signal` and waits until it is gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
