import type { AggregateView, AppDefinition } from '@gongfang/schema';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import inventory from '../../../../examples/inventory/app.json';
import { TestDesigner } from '../test/TestDesigner.ts';
import { DesignerContext, useDesignerState } from '../ui/DesignerContext.tsx';
import { AggregateViewEditor } from './AggregateViewEditor.tsx';

function Editor({ id }: { id: string }) {
  const views = useDesignerState((s) => s.doc.views ?? []);
  const index = views.findIndex((v) => v.id === id);
  return <AggregateViewEditor view={views[index] as AggregateView} index={index} />;
}

function open(id: string): TestDesigner {
  const d = new TestDesigner({ definition: inventory as unknown as AppDefinition, lang: 'en' });
  render(
    <DesignerContext.Provider value={d}>
      <Editor id={id} />
    </DesignerContext.Provider>,
  );
  return d;
}

const typeInto = (input: HTMLElement, value: string) =>
  fireEvent.change(input, { target: { value, selectionStart: value.length, selectionEnd: value.length } });

describe('aggregate view expressions', () => {
  it("completes the source form's fields (a row's columns and the header) in the filter, and checks it", () => {
    const d = open('issues_by_line');
    const where = screen.getAllByRole('combobox', { name: 'Only where (expression)' })[0]!;
    expect((where as HTMLInputElement).value).toBe('out_type = "production"');
    typeInto(where, 'out_type = "production" and ba');
    // `batch` is a column of the rows being counted, offered bare.
    expect(screen.getByRole('option', { name: /^batch/ })).toBeTruthy();
    typeInto(where, 'out_ty');
    fireEvent.keyDown(where, { key: 'Enter' });
    expect((where as HTMLInputElement).value).toBe('out_type');
    expect(screen.getByText(/must give TRUE or FALSE|TRUE\/FALSE/i)).toBeTruthy();
    const view = d.doc.views!.find((v) => v.id === 'issues_by_line') as AggregateView & { source: { where: string } };
    expect(view.source.where).toBe('out_type');
  });

  it('completes group keys and measures in a highlight', () => {
    open('stock_balance');
    const when = screen.getAllByRole('combobox', { name: 'When' })[0]!;
    typeInto(when, 'bal');
    expect(screen.getByRole('option', { name: /^balance/ })).toBeTruthy();
    const status = () => document.getElementById(when.getAttribute('aria-describedby')!)?.textContent;
    typeInto(when, 'balance < 20');
    expect(status()).toMatch(/Looks right · boolean/);
    typeInto(when, 'balanse < 20');
    expect(status()).toMatch(/balanse/);
  });
});
