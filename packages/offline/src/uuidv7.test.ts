import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from './uuidv7.ts';

// The record envelope's id pattern (schemas/record.schema.json).
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('matches the record id pattern and embeds the time', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const id = uuidv7(at);
    expect(id).toMatch(RECORD_ID);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('keeps 10,000 ids made in one millisecond unique and in creation order', () => {
    const at = Date.UTC(2030, 5, 1);
    const ids = Array.from({ length: 10_000 }, () => uuidv7(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(RECORD_ID);
  });

  it('never sorts before an earlier id when the clock goes backwards', () => {
    const first = uuidv7(Date.UTC(2031, 0, 1));
    const second = uuidv7(Date.UTC(2020, 0, 1));
    expect(second > first).toBe(true);
  });
});
