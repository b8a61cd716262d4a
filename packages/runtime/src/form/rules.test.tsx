import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formOf, handoverApp, inspectionApp, inventoryApp } from '../test/forms.ts';
import { renderForm } from '../test/render.tsx';

describe('rules live as the user types', () => {
  it('visibleWhen shows and hides fields (stock-in: supplier for purchases, reason for returns)', async () => {
    const user = userEvent.setup();
    renderForm(formOf(inventoryApp, 'stock_in'));
    expect(screen.getByLabelText(/^Supplier/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Return reason/)).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Line return' }));
    expect(screen.queryByLabelText(/^Supplier/)).toBeNull();
    expect(screen.getByLabelText(/^Return reason/)).toBeTruthy();
  });

  it('requiredWhen marks the field required while its rule holds', async () => {
    const user = userEvent.setup();
    renderForm(formOf(handoverApp, 'handover'));
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    const label = screen.getByText('What happened').closest('label');
    expect(label && within(label).getByTitle('required')).toBeTruthy();
    expect(screen.getByLabelText(/^What happened/).getAttribute('aria-required')).toBe('true');
    await user.click(screen.getByRole('radio', { name: 'None' }));
    expect(screen.queryByText('What happened')).toBeNull();
  });

  it('formulas update per row and in the header (inspection: NG computed from an out-of-spec value)', async () => {
    const user = userEvent.setup();
    // The characteristics table (minRows: 1) starts with its first row.
    const { engine } = renderForm(formOf(inspectionApp, 'inspection'));
    await user.type(screen.getByLabelText(/^Lower limit/), '9.95');
    await user.type(screen.getByLabelText(/^Upper limit/), '10.05');
    await user.type(screen.getByLabelText(/^Measured/), '10.2');
    expect(screen.getByRole('status', { name: /^Result/ }).textContent).toBe('NG');
    expect(screen.getByRole('status', { name: 'Overall result' }).textContent).toBe('NG');
    expect(engine.field('ng_count')?.value).toBe(1);
    // An NG record asks for the defect type, which was hidden while OK.
    expect(screen.getByLabelText(/^Defect type/)).toBeTruthy();
    await user.clear(screen.getByLabelText(/^Measured/));
    await user.type(screen.getByLabelText(/^Measured/), '10.01');
    expect(screen.getByRole('status', { name: 'Overall result' }).textContent).toBe('OK');
    expect(screen.queryByLabelText(/^Defect type/)).toBeNull();
  });

  it('typing re-renders only the field typed in and its dependents', async () => {
    const user = userEvent.setup();
    const renders = new Map<string, number>();
    const form = formOf(inventoryApp, 'stock_in');
    const { defaultWidgets } = await import('../widgets/registry.ts');
    const counting = (type: 'text' | 'textarea') => {
      const Inner = defaultWidgets[type].component as (p: { field: { id: string } }) => React.ReactNode;
      return {
        component: (p: { field: { id: string } }) => {
          renders.set(p.field.id, (renders.get(p.field.id) ?? 0) + 1);
          return Inner(p);
        },
      };
    };
    renderForm(form, { view: { widgets: { text: counting('text'), textarea: counting('textarea') } as never } });
    renders.clear();
    await user.type(screen.getByLabelText(/^Supplier/), 'ACME');
    expect(renders.get('supplier')).toBe(4);
    expect(renders.get('doc_no')).toBeUndefined();
    expect(renders.get('remarks')).toBeUndefined();
  });
});
