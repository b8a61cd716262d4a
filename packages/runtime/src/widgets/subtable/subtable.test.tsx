import type { Form } from '@gongfang/schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { formOf, inventoryApp } from '../../test/forms.ts';
import { renderForm } from '../../test/render.tsx';

const stockIn = () => formOf(inventoryApp, 'stock_in');
const items = () => screen.getByRole('group', { name: /^Items/ });
const rows = () => within(items()).queryAllByRole('listitem', { name: /^Row \d+$/ });

afterEach(() => vi.restoreAllMocks());

describe('sub-table', () => {
  it('adds rows, computes row formulas and the totals footer', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(stockIn());
    // minRows: 1, so a new record starts with one blank row to type in.
    expect(rows()).toHaveLength(1);
    await user.type(screen.getByLabelText(/^Quantity Row 1/), '3');
    await user.type(screen.getByLabelText(/^Unit price Row 1/), '2.5');
    expect(within(rows()[0]!).getByRole('status', { name: /^Amount/ }).textContent).toBe('7.50CNY');
    await user.click(screen.getByRole('button', { name: 'Add row' }));
    // The cursor goes to the new row's first cell.
    expect(document.activeElement).toBe(screen.getByLabelText(/^Item code Row 2/));
    await user.type(screen.getByLabelText(/^Quantity Row 2/), '4');
    expect(screen.getByText('Total Quantity').nextElementSibling?.textContent).toBe('7.00');
    expect(screen.getByText('Total Amount').nextElementSibling?.textContent).toBe('7.50CNY');
    expect(engine.field('total_qty')?.value).toBe(7);
  });

  it('removes and reorders rows with 44 px buttons named by row', async () => {
    const user = userEvent.setup();
    // A draft whose table was emptied stays empty: only a new record gets its minRows rows.
    const { engine } = renderForm(stockIn(), { engine: { data: { lines: [] } } });
    expect(rows()).toHaveLength(0);
    for (const code of ['ITM-00001', 'ITM-00002', 'ITM-00003']) engine.addRow('lines', { item_code: code });
    await screen.findByLabelText(/^Item code Row 3/);
    await user.click(screen.getByRole('button', { name: 'Move row 3 up' }));
    expect(engine.rows('lines').map((r) => r.values.item_code)).toEqual(['ITM-00001', 'ITM-00003', 'ITM-00002']);
    expect((screen.getByLabelText(/^Item code Row 2/) as HTMLInputElement).value).toBe('ITM-00003');
    await user.click(screen.getByRole('button', { name: 'Move row 1 down' }));
    expect(engine.rows('lines').map((r) => r.values.item_code)).toEqual(['ITM-00003', 'ITM-00001', 'ITM-00002']);
    expect((screen.getByRole('button', { name: 'Move row 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove row 2' }));
    expect(engine.rows('lines').map((r) => r.values.item_code)).toEqual(['ITM-00003', 'ITM-00002']);
    expect(rows()).toHaveLength(2);
  });

  it('scan-to-add: a new code adds a row with quantity 1; the same code again bumps that quantity', async () => {
    // Scanner timing on the test's clock (each key 5 ms after the last), not the machine's: a
    // loaded test machine must not split a burst into a partial code.
    let clock = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const tick = () => {
      clock += 5;
    };
    window.addEventListener('keydown', tick, true);
    onTestFinished(() => {
      window.removeEventListener('keydown', tick, true);
      vi.restoreAllMocks();
    });
    const user = userEvent.setup({ delay: null });
    const { engine } = renderForm(stockIn());
    const box = screen.getByRole('textbox', { name: 'Scan to add to Items' });
    // The first code goes into the blank row the new record starts with, not into a second row.
    await user.type(box, 'ITM-10002{Enter}');
    await user.type(box, 'ITM-10005{Enter}');
    await user.type(box, 'ITM-10002{Enter}');
    expect(engine.rows('lines').map((r) => [r.values.item_code, r.values.qty])).toEqual([
      ['ITM-10002', 2],
      ['ITM-10005', 1],
    ]);
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByText('Scanned: ITM-10002')).toBeTruthy();
    expect(screen.getByText('Total Quantity').nextElementSibling?.textContent).toBe('3.00');
  });

  it('applies literal column defaults to new rows (handover: scrap 0, machine running)', async () => {
    const { handoverApp } = await import('../../test/forms.ts');
    const user = userEvent.setup();
    const { engine } = renderForm(formOf(handoverApp, 'handover'));
    await user.click(
      within(screen.getByRole('group', { name: /^Equipment state/ })).getByRole('button', { name: 'Add row' }),
    );
    expect(engine.rows('equipment')[0]?.values.state).toBe('running');
    // Downtime is only asked for when the machine is not running.
    expect(screen.queryByLabelText(/^Downtime/)).toBeNull();
  });

  it('virtualizes long tables: 500 rows keep only a window of rows in the DOM', () => {
    // happy-dom has no layout: give the rows' scroll box the height a tablet would.
    const size = (px: number) =>
      function (this: HTMLElement) {
        return this.classList.contains('gf-rows-scroll') ? px : 0;
      };
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(600));
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(900));
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('gf-row') ? 180 : 0;
    });
    const form = stockIn();
    const sub = form.fields.find((f) => f.id === 'lines') as Extract<Form['fields'][number], { type: 'subtable' }>;
    sub.maxRows = 500;
    const data = {
      lines: Array.from({ length: 500 }, (_, i) => ({
        _id: `r${i}`,
        item_code: `ITM-${String(i).padStart(5, '0')}`,
        qty: 1,
      })),
    };
    renderForm(form, { engine: { data } });
    expect(screen.getByText('500 row(s)')).toBeTruthy();
    const drawn = rows().length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(30);
    expect(screen.getByText('Total Quantity').nextElementSibling?.textContent).toBe('500.00');
  });
});
