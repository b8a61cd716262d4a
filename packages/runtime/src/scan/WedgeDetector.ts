export interface WedgeOptions {
  /** Longest pause between two keys of one scan (ms). Scanners send a key every few ms; people need 80+. */
  maxGapMs?: number;
  /** Shortest code taken as a scan, so two quick keys and Enter stay typing. */
  minLength?: number;
}

/** Keys a scanner may send around characters (capitals come as Shift + letter). */
const NEUTRAL = new Set(['Shift', 'CapsLock', 'Alt', 'AltGraph', 'Control', 'Meta']);

/**
 * Tells a keyboard-wedge scanner from a person by timing: a scan is a burst of printable keys, each
 * within `maxGapMs` of the one before, closed by Enter. Feed it every keydown; it answers the code
 * when Enter closes a burst, and `undefined` otherwise.
 */
export class WedgeDetector {
  private buffer = '';
  private last = Number.NEGATIVE_INFINITY;
  private readonly maxGap: number;
  private readonly minLength: number;

  constructor(options: WedgeOptions = {}) {
    this.maxGap = options.maxGapMs ?? 30;
    this.minLength = options.minLength ?? 4;
  }

  key(key: string, time: number): string | undefined {
    if (NEUTRAL.has(key)) return undefined;
    const gap = time - this.last;
    this.last = time;
    if (key === 'Enter' || key === 'Tab') {
      const code = this.buffer;
      this.buffer = '';
      return code.length >= this.minLength && gap <= this.maxGap ? code : undefined;
    }
    if (key.length !== 1) {
      this.buffer = '';
      return undefined;
    }
    // A slow key starts a new burst: what a person typed before it is never part of a scan.
    this.buffer = gap <= this.maxGap ? this.buffer + key : key;
    return undefined;
  }

  /** Characters of the burst in progress (a scan not yet closed). */
  get pending(): string {
    return this.buffer;
  }
}

/** Event a form dispatches on its default scan target when a scan arrives with no field focused. */
export const SCAN_EVENT = 'gf-scan';

export function scanEventCode(e: Event): string | undefined {
  return e instanceof CustomEvent && typeof e.detail === 'string' ? e.detail : undefined;
}
