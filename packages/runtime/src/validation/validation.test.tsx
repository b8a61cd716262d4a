import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formOf, inventoryApp } from '../test/forms.ts';
import { renderForm } from '../test/render.tsx';

const stockIn = () => formOf(inventoryApp, 'stock_in');

describe('validation UX', () => {
  it('shows a field error only after the field is left, with the definition message as given', async () => {
    const user = userEvent.setup();
    renderForm(stockIn());
    const docNo = screen.getByLabelText(/^Receipt no/);
    await user.type(docNo, 'RK-1');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Use RK-date-sequence, e.g. RK-20250301-001');
    expect(docNo.getAttribute('aria-invalid')).toBe('true');
    expect(docNo.getAttribute('aria-describedby')).toBe(alert.id);
    await user.clear(docNo);
    await user.type(docNo, 'RK-20250301-001');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(docNo.getAttribute('aria-invalid')).toBeNull();
  });

  it('submit lists every error; an entry jumps to its field, including a cell of a sub-table row', async () => {
    const user = userEvent.setup();
    const { engine, submitted } = renderForm(stockIn());
    engine.addRow('lines', { item_code: 'ITM-10002', qty: 2 });
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toHaveLength(0);
    const heading = await screen.findByRole('heading', { name: /thing\(s\) to fix/ });
    const summary = heading.closest('section') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const entries = within(summary)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(entries).toContain('“Receipt no.” is required');
    expect(entries).toContain('Row 1: “Batch” is required');
    await user.click(within(summary).getByRole('button', { name: '“Receipt no.” is required' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Receipt no/));
    await user.click(within(summary).getByRole('button', { name: 'Row 1: “Batch” is required' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Batch Row 1/));
    // After a submit every error shows next to its field too.
    expect(screen.getByLabelText(/^Batch Row 1/).getAttribute('aria-invalid')).toBe('true');
  });

  it('a valid record is handed to onSubmit as the engine data', async () => {
    const user = userEvent.setup();
    const { engine, submitted } = renderForm(stockIn());
    engine.set('doc_no', 'RK-20250301-001');
    engine.set('supplier', 'ACME');
    // The row a new stock-in starts with, filled in.
    const row = engine.rows('lines')[0]?.id ?? '';
    const line = { item_code: 'ITM-10002', item_name: 'Bearing', batch: 'B1', qty: 2, unit: 'pcs', location: 'A-01' };
    for (const [column, value] of Object.entries(line)) engine.setCell('lines', row, column, value);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.queryByRole('heading', { name: /to fix/ })).toBeNull();
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ doc_no: 'RK-20250301-001', total_qty: 2 });
  });
});
