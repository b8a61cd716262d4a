import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppDefinition } from '../generated/types.ts';
import { fieldIndex, walkFields } from './fields.ts';

const def: AppDefinition = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/corpus/base.json'), 'utf8'));
const form = def.forms[1]!;

describe('walkFields and fieldIndex', () => {
  it('lists header fields, sections, fields inside sections and sub-table columns with their pointers', () => {
    const entries = walkFields(form).map((e) => [e.path, e.pointer]);
    expect(entries).toContainEqual(['qty', '/fields/1']);
    expect(entries).toContainEqual(['lines.line_qty', '/fields/7/fields/1']);
    expect(entries).toContainEqual(['notes', '/fields/9']);
    expect(entries).toContainEqual(['remarks', '/fields/9/fields/0']);
  });

  it('indexes columns under subtable.column with their sub-table, and section children with their section', () => {
    const index = fieldIndex(form);
    expect(index.get('lines.line_qty')?.parent?.id).toBe('lines');
    expect(index.get('line_qty')).toBeUndefined();
    expect(index.get('remarks')?.section?.id).toBe('notes');
    expect(index.get('qty')?.parent).toBeUndefined();
  });
});
