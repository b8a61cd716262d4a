import { buildIfStale } from './build.ts';

/** The server serves the runtime and designer builds: make them current before any test. */
export default function globalSetup(): void {
  buildIfStale();
}
