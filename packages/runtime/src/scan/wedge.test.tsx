import type { Form } from '@gongfang/schema';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { formOf, inventoryApp, oneOfEach } from '../test/forms.ts';
import { renderForm } from '../test/render.tsx';
import { WedgeDetector } from './WedgeDetector.ts';

function feed(d: WedgeDetector, keys: string[], start: number, gap: number): (string | undefined)[] {
  return keys.map((k, i) => d.key(k, start + i * gap));
}

describe('WedgeDetector: scanner bursts vs people typing', () => {
  it('a fast burst closed by Enter is a scan; Shift for capitals does not break it', () => {
    const d = new WedgeDetector();
    const out = feed(d, ['Shift', 'I', 'T', 'M', '-', '1', '0', '0', '0', '2', 'Enter'], 0, 8);
    expect(out.at(-1)).toBe('ITM-10002');
  });

  it('slow typing then Enter is not a scan', () => {
    const d = new WedgeDetector();
    expect(feed(d, ['I', 'T', 'M', '-', '1', 'Enter'], 0, 120).at(-1)).toBeUndefined();
  });

  it('a burst after slow typing is a scan of the burst only; too short bursts are typing', () => {
    const d = new WedgeDetector();
    feed(d, ['a', 'b'], 0, 200);
    expect(feed(d, ['C', 'O', 'D', 'E', '9', 'Enter'], 1000, 5).at(-1)).toBe('CODE9');
    expect(feed(d, ['o', 'k', 'Enter'], 5000, 5).at(-1)).toBeUndefined();
  });
});

describe('keyboard-wedge scanning in forms', () => {
  // The detector reads each key's timeStamp (happy-dom stamps events with performance.now()). A test machine under load can take longer than a
  // scanner's 30 ms between two rendered keystrokes, so the clock is the test's: it stands still,
  // and each keydown (seen first, in the capture phase) moves it by `clock.step` ms — 5 ms for a
  // scanner burst, 120 ms for a person typing.
  const clock = { t: 1000, step: 5 };
  const tick = () => {
    clock.t += clock.step;
  };
  beforeEach(() => {
    clock.t = 1000;
    clock.step = 5;
    vi.spyOn(performance, 'now').mockImplementation(() => clock.t);
    window.addEventListener('keydown', tick, true);
  });
  afterEach(() => {
    window.removeEventListener('keydown', tick, true);
    vi.restoreAllMocks();
  });

  it('fast keys + Enter into a barcode field replace its content with the code', async () => {
    const { engine } = renderForm(oneOfEach());
    const user = userEvent.setup({ delay: null });
    const box = screen.getByLabelText(/^Code/);
    await user.type(box, 'OLD');
    clock.t += 80; // a person typed OLD a moment before the scan
    await user.type(box, 'ITM-10002{Enter}');
    expect(engine.field('code')?.value).toBe('ITM-10002');
  });

  it('slow typing into a barcode field is plain typing', async () => {
    const { engine } = renderForm(oneOfEach());
    clock.step = 120;
    const user = userEvent.setup({ delay: 60 });
    const box = screen.getByLabelText(/^Code/);
    await user.type(box, 'AB');
    await user.type(box, '12{Enter}');
    expect(engine.field('code')?.value).toBe('AB12');
  });

  it('a scan with no text box focused goes to the sub-table with scan-to-add', async () => {
    const { engine } = renderForm(formOf(inventoryApp, 'stock_in'));
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('heading', { name: /^Items/ }));
    await user.keyboard('ITM-10007{Enter}');
    await user.keyboard('ITM-10007{Enter}');
    expect(engine.rows('lines').map((r) => [r.values.item_code, r.values.qty])).toEqual([['ITM-10007', 2]]);
  });

  it('a scan reaches a sub-table that a long form has not mounted yet', async () => {
    // No idle time ever comes: only the scan itself can mount the rest of the form.
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const stockIn = formOf(inventoryApp, 'stock_in');
    const filler = Array.from({ length: 4 }, (_, s) => ({
      id: `filler_${s}`,
      type: 'section',
      label: { 'zh-CN': `补充 ${s}`, en: `Extra ${s}` },
      fields: Array.from({ length: 25 }, (_, i) => ({
        id: `extra_${s}_${i}`,
        type: 'text',
        label: { 'zh-CN': `补充 ${s}-${i}`, en: `Extra ${s}-${i}` },
      })),
    }));
    const long = { ...stockIn, fields: [...filler, ...stockIn.fields] } as Form;
    const { engine } = renderForm(long);
    expect(screen.queryByRole('heading', { name: /^Items/ })).toBeNull();
    const user = userEvent.setup({ delay: null });
    await user.keyboard('ITM-10007{Enter}');
    expect(engine.rows('lines').map((r) => [r.values.item_code, r.values.qty])).toEqual([['ITM-10007', 1]]);
    expect(screen.getByRole('heading', { name: /^Items/ })).toBeTruthy();
  });

  it('slow keys with nothing focused are ignored, and Enter in a text box never submits', async () => {
    const { engine, submitted } = renderForm(formOf(inventoryApp, 'stock_in'));
    clock.step = 120;
    const user = userEvent.setup({ delay: 60 });
    await user.keyboard('ITM-1{Enter}');
    // The one blank row a new stock-in starts with stays blank.
    expect(engine.rows('lines').map((r) => r.values.item_code)).toEqual([undefined]);
    fireEvent.keyDown(screen.getByLabelText(/^Receipt no/), { key: 'Enter' });
    expect(submitted).toHaveLength(0);
  });
});
