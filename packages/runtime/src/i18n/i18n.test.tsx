import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formOf, inventoryApp } from '../test/forms.ts';
import { renderForm } from '../test/render.tsx';
import { MESSAGES, translate } from './messages.ts';

describe('languages', () => {
  it('the catalogue is complete in both languages with the same placeholders', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m['zh-CN'], key).not.toBe('');
      expect(m.en, key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(names(m['zh-CN']), key).toEqual(names(m.en));
    }
    expect(translate('en')('removeRow', { n: 3 })).toBe('Remove row 3');
  });

  it('zh-CN is the default and switching to en relabels the form and keeps the values', async () => {
    const user = userEvent.setup();
    const { engine, switchLang } = renderForm(formOf(inventoryApp, 'stock_in'), { lang: 'zh-CN' });
    await user.type(screen.getByLabelText(/^入库单号/), 'RK-20250301-001');
    expect(screen.getByRole('button', { name: '提交' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '采购入库' })).toBeTruthy();
    switchLang('en');
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Purchase receipt' })).toBeTruthy();
    expect((screen.getByLabelText(/^Receipt no/) as HTMLInputElement).value).toBe('RK-20250301-001');
    expect(engine.field('doc_no')?.value).toBe('RK-20250301-001');
  });

  it('every control has an accessible name in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { engine, unmount } = renderForm(formOf(inventoryApp, 'stock_in'), { lang });
      engine.addRow('lines', { item_code: 'ITM-10002' });
      await screen.findAllByRole('listitem');
      const controls = [
        ...screen.getAllByRole('textbox'),
        ...screen.getAllByRole('button'),
        ...screen.getAllByRole('combobox'),
        ...screen.getAllByRole('radio'),
      ];
      for (const c of controls) {
        const name = screen.getAllByRole(c.getAttribute('role') ?? roleOf(c), {
          name: (n, el) => el === c && n.trim() !== '',
        });
        expect(name, `${lang}: ${c.outerHTML.slice(0, 120)}`).toHaveLength(1);
      }
      unmount();
    }
  });

  it('user-authored text is rendered as text, never as HTML', () => {
    const form = formOf(inventoryApp, 'stock_in');
    const evil = {
      ...form,
      fields: [{ id: 'x', type: 'text', label: { en: '<img src=x onerror=alert(1)>' } }],
    } as typeof form;
    const { container } = renderForm(evil);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

function roleOf(el: HTMLElement): string {
  if (el instanceof HTMLButtonElement) return 'button';
  if (el instanceof HTMLSelectElement) return 'combobox';
  if (el instanceof HTMLInputElement && el.type === 'radio') return 'radio';
  return 'textbox';
}
