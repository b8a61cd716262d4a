import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestDesigner } from '../../test/TestDesigner.ts';
import { DesignerContext } from '../DesignerContext.tsx';
import { ExpressionEditor } from './ExpressionEditor.tsx';

/** Types into the input at its caret, as a keystroke does (the input event React listens to). */
function typeAtCaret(input: HTMLInputElement, text: string) {
  for (const ch of text) {
    const at = input.selectionStart ?? input.value.length;
    const next = input.value.slice(0, at) + ch + input.value.slice(input.selectionEnd ?? at);
    fireEvent.change(input, { target: { value: next, selectionStart: at + 1, selectionEnd: at + 1 } });
    input.setSelectionRange(at + 1, at + 1);
  }
}

describe('expression editor completion', () => {
  it('puts the caret after an accepted field before the next key, whatever the next frame does', async () => {
    const d = new TestDesigner({ lang: 'en' });
    const type = d.add('select');
    d.setId(type, 'type');
    const supplier = d.add('text');
    let value = '';
    render(
      <DesignerContext.Provider value={d}>
        <ExpressionEditor label="Visible when" fieldKey={supplier} value={undefined} onChange={(v) => (value = v)} />
      </DesignerContext.Provider>,
    );
    const input = screen.getByRole('combobox', { name: 'Visible when' }) as HTMLInputElement;
    input.focus();
    typeAtCaret(input, 'ty');
    expect(screen.getByRole('option', { name: /^type/ })).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('type');
    // The next key comes before the next frame (a busy machine, a fast typist).
    typeAtCaret(input, ' = "purch');
    await act(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    typeAtCaret(input, 'ase"');
    expect(input.value).toBe('type = "purchase"');
    expect(value).toBe('type = "purchase"');
  });
});
