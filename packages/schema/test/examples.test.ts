import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateApp } from '../src/generated/validate-app.js';

const examplesDir = join(import.meta.dirname, '../../../examples');
const names = ['inventory', 'quality-inspection', 'shift-handover'];

describe.each(names)('examples/%s', (name) => {
  const app = JSON.parse(readFileSync(join(examplesDir, name, 'app.json'), 'utf8')) as unknown;
  it('passes the JSON Schema', () => {
    const ok = validateApp(app);
    expect(validateApp.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
