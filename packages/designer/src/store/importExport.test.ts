import { validateDefinition } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import handover from '../../../../examples/shift-handover/app.json';
import { TestDesigner } from '../test/TestDesigner.ts';

describe('import and export', () => {
  it('exports JSON that validates and re-imports to the same definition', () => {
    const d = new TestDesigner();
    const key = d.setLabel(d.add('number'), 'en', 'Quantity');
    d.setText(key, 'unit', 'en', 'pcs');
    const json = d.exportJson();
    expect(validateDefinition(JSON.parse(json)).ok).toBe(true);
    const other = new TestDesigner();
    expect(other.importJson(json).ok).toBe(true);
    expect(other.doc).toEqual(d.doc);
    expect(other.state.history.undo).toBe(0);
  });

  it('refuses a file that is not JSON with a localized message and keeps the open app', () => {
    const d = new TestDesigner();
    d.add('text');
    const before = d.snapshot();
    const result = d.importJson('{"forms": [');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message['zh-CN']).toMatch(/不是有效的 JSON/);
    expect(result.errors[0]!.message.en).toMatch(/not valid JSON/);
    expect(d.doc).toEqual(before);
    expect(d.state.history.undo).toBe(1);
  });

  it('refuses a newer format and something that is not an app', () => {
    const d = new TestDesigner();
    const newer = d.importJson(JSON.stringify({ schemaVersion: 99 }));
    expect(!newer.ok && newer.errors[0]!.code).toBe('newer_schema_version');
    const notApp = d.importJson('[1, 2]');
    expect(notApp.ok).toBe(false);
    const noForms = d.importJson(JSON.stringify({ schemaVersion: 3, id: 'x' }));
    expect(noForms.ok).toBe(false);
  });

  it('loads a definition with semantic problems so they can be fixed here', () => {
    const d = new TestDesigner();
    const def = structuredClone(handover);
    (def.forms[0]!.fields[0] as { visibleWhen?: string }).visibleWhen = 'missing_field = 1';
    const result = d.importJson(JSON.stringify(def));
    expect(result.ok).toBe(true);
    expect(d.state.problems.some((p) => p.code === 'unknown-field')).toBe(true);
  });
});
