import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestDesigner } from '../../test/TestDesigner.ts';
import { DesignerApp } from '../DesignerApp.tsx';

// Counts how often a field's preview is drawn: the expensive part of a card.
const drawn = vi.hoisted(() => ({ count: 0, keys: [] as string[] }));
vi.mock('./FieldPreview.tsx', async (original) => {
  const real = await original<typeof import('./FieldPreview.tsx')>();
  return {
    FieldPreview: (props: Parameters<typeof real.FieldPreview>[0]) => {
      drawn.count++;
      drawn.keys.push(props.field.id);
      return real.FieldPreview(props);
    },
  };
});

function bigForm(n: number): TestDesigner {
  const d = new TestDesigner();
  for (let i = 0; i < n; i++) d.add(i % 3 === 0 ? 'number' : 'text');
  d.load(d.doc);
  return d;
}

describe('canvas re-renders', () => {
  beforeEach(() => {
    drawn.count = 0;
    drawn.keys = [];
  });

  it('draws each of 300 fields once, then a property edit redraws that field only', () => {
    const d = bigForm(300);
    render(<DesignerApp designer={d} />);
    expect(drawn.count).toBeGreaterThanOrEqual(300);
    drawn.count = 0;
    drawn.keys = [];
    act(() => d.setText('field_150', 'help', 'en', 'Count twice'));
    expect(drawn.keys).toEqual(['field_150']);
  });

  it('selecting a field redraws no preview, and undo redraws only what changed back', () => {
    const d = bigForm(300);
    render(<DesignerApp designer={d} />);
    drawn.count = 0;
    act(() => d.select(['field_7']));
    expect(drawn.count).toBe(0);
    expect(screen.getByRole('complementary', { name: '属性' })).toBeTruthy();
    act(() => d.setProp('field_7', 'required', true));
    drawn.keys = [];
    act(() => {
      d.undo();
    });
    expect(drawn.keys).toEqual(['field_7']);
  });
});
