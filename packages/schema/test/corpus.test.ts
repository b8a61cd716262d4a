import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDefinition } from '../src/index.ts';

interface Case {
  file: string;
  what: string;
  pointer: string;
  code: string;
  /** The mistake also breaks something downstream, so more than one error is expected. */
  otherErrors?: boolean;
}

const corpus = join(import.meta.dirname, 'corpus');
const cases: Case[] = JSON.parse(readFileSync(join(corpus, 'cases.json'), 'utf8'));
const base: unknown = JSON.parse(readFileSync(join(corpus, 'base.json'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'gongfang-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function deepText(levels: number): string {
  return `{"schemaVersion": 3, "deep": ${'['.repeat(levels)}1${']'.repeat(levels)}}`;
}

function bigText(): string {
  // ~10 MB of forms: far past the node limit, so it must be refused quickly as a whole
  const def = structuredClone(base) as { forms: unknown[] };
  const form = def.forms[0];
  const copies = Math.ceil((10 * 1024 * 1024) / JSON.stringify(form).length);
  def.forms = Array.from({ length: copies }, () => form);
  return JSON.stringify(def);
}

describe('the broken-definition corpus', () => {
  it('has at least 40 cases, each in its own file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
  });

  it('starts from a base definition that is valid', () => {
    expect(validateDefinition(base)).toEqual({ ok: true, errors: [] });
  });

  const parsable = cases.filter((c) => c.code !== 'malformed-json');
  it.each(parsable)('$file ($what) is rejected at $pointer with $code', (c) => {
    const result = validateDefinition(JSON.parse(readFileSync(join(corpus, c.file), 'utf8')));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.pointer, e.code])).toContainEqual([c.pointer, c.code]);
    if (!c.otherErrors) expect(result.errors).toHaveLength(1);
    for (const e of result.errors) {
      expect(e.message['zh-CN'].length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it('answers a 10,000-deep input quickly with a too-deep error instead of overflowing the stack', () => {
    const started = performance.now();
    const result = validateDefinition(JSON.parse(deepText(10_000)));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.code).toBe('too-deep');
    expect(result.errors[0]!.pointer).toMatch(/^\/deep(\/0)+$/);
  });

  it('answers a 10 MB input quickly with a too-large error', () => {
    const text = bigText();
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const started = performance.now();
    const result = validateDefinition(JSON.parse(text));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.errors.map((e) => [e.pointer, e.code])).toEqual([['', 'too-large']]);
  });

  it('does not let a __proto__ key reach Object.prototype', () => {
    validateDefinition(JSON.parse(readFileSync(join(corpus, 'proto-key.json'), 'utf8')));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('gongfang validate over the corpus', () => {
  it('prints <file>:<pointer>: <message> for every case, exits 1 and never prints a stack trace', () => {
    const deep = join(tmp, 'deep.json');
    const big = join(tmp, 'big.json');
    writeFileSync(deep, deepText(10_000));
    writeFileSync(big, bigText());
    const files = cases.map((c) => join(corpus, c.file));
    const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const cli = join(import.meta.dirname, '../cli/main.ts');
    const run = spawnSync(tsx, [cli, 'validate', '--lang', 'en', ...files, deep, big, join(corpus, 'base.json')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    for (const c of cases) {
      const prefix = `${join(corpus, c.file)}:${c.pointer === '' ? '/' : c.pointer}: `;
      const line = lines.find((l) => l.startsWith(prefix));
      expect(line, `${c.file} should report ${c.pointer}`).toBeDefined();
      expect(line!.length).toBeGreaterThan(prefix.length);
    }
    expect(lines.some((l) => l.startsWith(`${deep}:/deep/0/`))).toBe(true);
    expect(lines).toContain(`${big}:/: The app definition is too large: more than 200000 JSON nodes`);
    expect(lines).toContain(`${join(corpus, 'base.json')}: ok`);
    expect(run.stdout).not.toMatch(/\n\s+at |Error:|node:internal/);
  }, 60_000);
});
