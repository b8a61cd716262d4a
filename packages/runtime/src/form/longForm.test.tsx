import type { Field, Form } from '@gongfang/schema';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderForm } from '../test/render.tsx';

const L = (s: string) => ({ 'zh-CN': s, en: s });

/** 8 sections of 20 text fields; the very last one is required. */
function longForm(): Form {
  const sections: Field[] = [];
  for (let s = 0; s < 8; s++) {
    const fields = Array.from({ length: 20 }, (_, i) => {
      const n = s * 20 + i;
      return { id: `f${n}`, type: 'text', label: L(`Field ${n}`), ...(n === 159 ? { required: true } : {}) };
    });
    sections.push({ id: `s${s}`, type: 'section', label: L(`Section ${s}`), fields } as Field);
  }
  return { id: 'long', name: L('Long'), fields: sections } as Form;
}

describe('a long form paints its first screen first', () => {
  it('shows its first screen at once and mounts the rest afterwards', async () => {
    renderForm(longForm());
    // The first screen: the first 16 fields, part of the first section.
    expect(screen.getByLabelText('Field 0')).toBeTruthy();
    expect(screen.getByLabelText('Field 15')).toBeTruthy();
    expect(screen.queryByLabelText('Field 16')).toBeNull();
    expect(screen.queryByLabelText(/^Field 159/)).toBeNull();
    expect(await screen.findByLabelText(/^Field 159/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByRole('textbox')).toHaveLength(160);
  });

  it('a submit before the rest is mounted still jumps to an error in the last section', async () => {
    const user = userEvent.setup();
    const { submitted } = renderForm(longForm());
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(submitted).toHaveLength(0);
    const item = await screen.findByRole('button', { name: /Field 159/ });
    await user.click(item);
    const input = screen.getByLabelText(/^Field 159/);
    expect(document.activeElement).toBe(input);
  });
});
