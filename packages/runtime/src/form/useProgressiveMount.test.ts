import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FIELDS, firstScreenCount, SHORT_FORM_FIELDS } from './useProgressiveMount.ts';

describe('first screen of a long form', () => {
  it('mounts a short form whole', () => {
    expect(firstScreenCount([10, 12, 30])).toBe(3);
    expect(firstScreenCount([SHORT_FORM_FIELDS])).toBe(1);
  });

  it('mounts groups until a screenful of fields, then stops', () => {
    // 12 sections of 25: the first alone fills the screen.
    expect(firstScreenCount(Array(12).fill(25))).toBe(1);
    // Small sections: as many as it takes to reach a screenful.
    expect(firstScreenCount(Array(40).fill(5))).toBe(Math.ceil(FIRST_SCREEN_FIELDS / 5));
  });

  it('always mounts at least one group, however large', () => {
    expect(firstScreenCount([500, 10])).toBe(1);
    expect(firstScreenCount([])).toBe(0);
  });
});
