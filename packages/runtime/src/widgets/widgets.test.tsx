import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRecords } from '../ports/records.ts';
import { oneOfEach } from '../test/forms.ts';
import { renderForm } from '../test/render.tsx';

describe('widgets: typing and tapping as a user changes the engine value and what is shown', () => {
  it('text: typed text reaches the engine, with a counter near maxLength', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.type(screen.getByLabelText('Note'), 'Oil');
    const note = screen.getByLabelText('Note').parentElement as HTMLElement;
    expect(within(note).queryByText(/characters/)).toBeNull(); // far from the limit: no counter
    await user.type(screen.getByLabelText('Note'), ' leak');
    expect(engine.field('note')?.value).toBe('Oil leak');
    expect(screen.getByText('8/10 characters')).toBeTruthy();
  });

  it('textarea: several lines with a counter', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.type(screen.getByLabelText('Story'), 'line one{Enter}line two');
    expect(engine.field('story')?.value).toBe('line one\nline two');
    expect(screen.getByText('17/50 characters')).toBeTruthy();
  });

  it('number: keypad input becomes a number; steppers move by step within min/max; the unit shows', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    const box = screen.getByLabelText('Weight');
    expect(box.getAttribute('inputmode')).toBe('decimal');
    await user.type(box, '1,5');
    expect(engine.field('weight')?.value).toBe(1.5);
    await user.click(screen.getByRole('button', { name: 'Increase Weight' }));
    expect(engine.field('weight')?.value).toBe(2);
    expect((box as HTMLInputElement).value).toBe('2');
    expect((screen.getByRole('button', { name: 'Increase Weight' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Decrease Weight' }));
    expect(engine.field('weight')?.value).toBe(1.5);
    expect(screen.getAllByText('kg').length).toBeGreaterThan(0);
    await user.clear(box);
    await user.type(box, 'abc');
    expect(engine.field('weight')?.value).toBe('abc');
  });

  it('date and time: native inputs store YYYY-MM-DD and HH:mm', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.type(screen.getByLabelText('Day'), '2025-03-01');
    expect(engine.field('day')?.value).toBe('2025-03-01');
    await user.type(screen.getByLabelText('Time'), '07:30');
    expect(engine.field('at')?.value).toBe('07:30');
  });

  it('select, radio and checkbox store option values and show localized labels', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.selectOptions(screen.getByLabelText('Line'), 'Line 2');
    expect(engine.field('line')?.value).toBe('L2');
    const verdict = screen.getByRole('radiogroup', { name: 'Verdict' });
    await user.click(within(verdict).getByRole('radio', { name: 'Fail' }));
    expect(engine.field('verdict')?.value).toBe('NG');
    expect(within(verdict).getByText('Fail').closest('label')?.getAttribute('data-color')).toBe('red');
    const checks = screen.getByRole('group', { name: 'Checks' });
    await user.click(within(checks).getByRole('checkbox', { name: 'Oil' }));
    await user.click(within(checks).getByRole('checkbox', { name: 'Air' }));
    await user.click(within(checks).getByRole('checkbox', { name: 'Oil' }));
    expect(engine.field('checks')?.value).toEqual(['air']);
  });

  it('member: a searchable list of people holding the field roles; stores the user id', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.click(screen.getByRole('button', { name: /Owner/ }));
    const list = screen.getByRole('list', { name: 'Choose Owner' });
    expect(within(list).queryByText('孙丽')).toBeNull(); // not a QC person
    await user.type(screen.getByRole('searchbox', { name: 'Search people' }), '黄');
    await user.click(within(list).getByRole('button', { name: '黄涛' }));
    expect(engine.field('who')?.value).toBe('huang.tao');
    expect(screen.getByRole('button', { name: /Owner 黄涛/ })).toBeTruthy();
  });

  it('role: picks one of the app roles by its localized name', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    await user.selectOptions(screen.getByLabelText('Role'), 'QC engineer');
    expect(engine.field('team')?.value).toBe('qc');
  });

  it('reference: lists the other form records by their display field', async () => {
    const user = userEvent.setup();
    const records = createMemoryRecords({ stock_in: [{ id: 'r1', data: { doc_no: 'RK-20250301-001' } }] });
    const { engine } = renderForm(oneOfEach(), { records });
    const select = screen.getByLabelText('Receipt');
    await screen.findByRole('option', { name: 'RK-20250301-001' });
    await user.selectOptions(select, 'RK-20250301-001');
    expect(engine.field('receipt')?.value).toBe('r1');
  });

  it('formula: read-only, recomputed as its inputs change, formatted with precision and unit', async () => {
    const user = userEvent.setup();
    renderForm(oneOfEach());
    const out = screen.getByRole('status', { name: 'Double weight' });
    await user.type(screen.getByLabelText('Weight'), '0.5');
    expect(out.textContent).toBe('1.00kg');
  });

  it('location: keeps a fix within maxAccuracyMeters and refuses a worse one with the reason', async () => {
    const user = userEvent.setup();
    let accuracy = 80;
    const getCurrentPosition = vi.fn((ok: PositionCallback) =>
      ok({
        coords: { latitude: 31.2, longitude: 121.5, accuracy },
        timestamp: Date.UTC(2025, 2, 1),
      } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    const { engine } = renderForm(oneOfEach());
    await user.click(screen.getByRole('button', { name: /Get location/ }));
    expect(screen.getByRole('alert').textContent).toContain('±80 m');
    expect(engine.field('spot')?.value).toBeUndefined();
    accuracy = 12;
    await user.click(screen.getByRole('button', { name: /Get location/ }));
    expect(engine.field('spot')?.value).toEqual({
      lat: 31.2,
      lng: 121.5,
      accuracy: 12,
      at: '2025-03-01T00:00:00.000Z',
    });
    expect(screen.getByText(/accurate to ±12 m/)).toBeTruthy();
  });

  it('photo: a picked image is stored through the attachments port and kept as a file reference', async () => {
    const user = userEvent.setup();
    const { engine, attachments } = renderForm(oneOfEach());
    const file = new File([new Uint8Array([1, 2, 3])], 'defect.png', { type: 'image/png' });
    const input = screen.getByLabelText(/Photos/) as HTMLInputElement;
    expect(input.getAttribute('capture')).toBe('environment');
    await user.upload(input, file);
    await waitFor(() => expect(engine.field('pics')?.value).toHaveLength(1));
    const [ref] = engine.field('pics')!.value as { id: string; type: string; size: number }[];
    expect(ref?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await attachments.get(ref?.id ?? '')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Remove Photo 1' }));
    expect(engine.field('pics')?.value).toEqual([]);
  });

  it('attachment: a file over maxSizeMB is refused with a message; a small one is stored', async () => {
    const user = userEvent.setup();
    const { engine } = renderForm(oneOfEach());
    const input = screen.getByLabelText(/Files/) as HTMLInputElement;
    await user.upload(input, new File([new Uint8Array(1024 * 1024 + 1)], 'big.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('“big.pdf” is larger than 1 MB')).toBeTruthy();
    await user.upload(input, new File(['ok'], 'small.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(engine.field('docs')?.value).toHaveLength(1));
    expect(screen.getByText('small.pdf')).toBeTruthy();
  });

  it('signature: the pad loads on demand; drawing then Done stores a PNG through the port', async () => {
    const user = userEvent.setup();
    HTMLCanvasElement.prototype.toBlob = function toBlob(cb: BlobCallback) {
      cb(new Blob(['png'], { type: 'image/png' }));
    };
    const { engine } = renderForm(oneOfEach());
    await user.click(screen.getByRole('button', { name: /Sign/ }));
    const pad = await screen.findByRole('img', { name: 'Sign here: Signature' });
    const done = screen.getByRole('button', { name: 'Done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    await act(async () => {
      pad.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 10, clientY: 10 }));
      pad.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 40, clientY: 30 }));
      pad.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(done.disabled).toBe(true);
    await act(async () => {
      pad.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 10, clientY: 10 }));
      pad.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(engine.field('sig')?.value).toMatchObject({ name: 'signature.png', type: 'image/png' }));
    expect(screen.getByRole('button', { name: /Sign again/ })).toBeTruthy();
  });
});
