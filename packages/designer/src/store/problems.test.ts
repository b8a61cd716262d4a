import type { AppDefinition } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import inventory from '../../../../examples/inventory/app.json';
import { TestDesigner } from '../test/TestDesigner.ts';

describe('problems list', () => {
  it('an empty app has one problem: the form needs a field', () => {
    const d = new TestDesigner();
    expect(d.state.problems.map((p) => [p.tab, p.pointer])).toEqual([['form', '/forms/0/fields']]);
    d.add('text');
    expect(d.state.problems).toEqual([]);
  });

  it('maps each problem to the field at fault, a column inside a sub-table inside a section too', () => {
    const d = new TestDesigner();
    const section = d.add('section');
    const lines = d.add('subtable', section);
    const total = d.add('formula', lines);
    d.setProp(total, 'expression', 'qty *');
    const amount = d.add('number');
    d.setProp(amount, 'visibleWhen', 'nope > 1');
    const problems = d.state.problems;
    expect(problems.find((p) => p.fieldKey === total)).toMatchObject({ tab: 'form', prop: 'expression' });
    expect(problems.find((p) => p.fieldKey === amount)).toMatchObject({ prop: 'visibleWhen', code: 'unknown-field' });
    const problem = problems.find((p) => p.fieldKey === total)!;
    d.goToProblem(problem);
    expect(d.state.ui.selection).toEqual([total]);
    expect(d.state.ui.reveal).toMatchObject({ key: total, prop: 'expression' });
  });

  it('is debounced outside tests: edits in a burst validate once', async () => {
    const { Designer } = await import('./Designer.ts');
    const d = new Designer({ problemsDelay: 20 });
    d.addField('text');
    expect(d.state.problems).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(d.state.problems).toHaveLength(0);
    d.dispose();
  });

  it('opens an example app without problems, and sends workflow problems to the Flow tab', () => {
    const d = new TestDesigner({ definition: inventory as unknown as AppDefinition });
    expect(d.state.problems).toEqual([]);
    d.update((doc) => {
      const wf = doc.forms[1]!.workflow as unknown as { nodes: { id: string }[] };
      wf.nodes[0]!.id = 'Bad Id';
    });
    expect(d.state.problems[0]).toMatchObject({ tab: 'flow', formIndex: 1 });
  });
});
