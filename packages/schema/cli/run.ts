import { readFile, stat } from 'node:fs/promises';
import { guardInput } from '../src/definition/guard.ts';
import { message } from '../src/i18n.ts';
import {
  CURRENT_SCHEMA_VERSION,
  type DefinitionError,
  type Lang,
  migrateDefinition,
  validateDefinition,
} from '../src/index.ts';
import { jsonErrorOffset, lineColumn } from './jsonPosition.ts';

/** Files above this are refused before reading: real definitions are well under 1 MB. */
const MAX_BYTES = 20 * 1024 * 1024;

const USAGE = `Usage: gongfang validate [--lang zh-CN|en] <file>...

Checks Gongfang app-definition files (JSON). Older formats are migrated first.
Prints each problem as <file>:<json-pointer>: <message>.
Exit code: 0 all valid, 1 some file invalid, 2 usage error.

用法：gongfang validate [--lang zh-CN|en] <文件>...
检查应用定义文件，逐条输出「<文件>:<JSON 指针>: <说明>」。`;

class UsageError extends Error {}

interface Options {
  lang: Lang;
  files: string[];
}

function parseArgs(argv: string[]): Options | 'help' {
  let lang: Lang = 'zh-CN';
  const files: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value !== 'en' && value !== 'zh-CN')
        throw new UsageError(`--lang must be zh-CN or en, not ${value ?? '(nothing)'}`);
      lang = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (command === undefined) {
      command = arg;
    } else {
      files.push(arg);
    }
  }
  if (command === undefined) throw new UsageError('missing command (validate)');
  if (command !== 'validate') throw new UsageError(`unknown command ${command}`);
  if (files.length === 0) throw new UsageError('no files given');
  return { lang, files };
}

function fail(code: string, zh: string, en: string): DefinitionError[] {
  return [{ pointer: '', code, message: message(zh, en) }];
}

/** Reads, parses, migrates and validates one file; never throws. */
export async function checkFile(file: string): Promise<DefinitionError[]> {
  let text: string;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('file-unreadable', `不是文件：${file}`, `Not a file: ${file}`);
    if (info.size > MAX_BYTES) {
      return fail(
        'file-too-large',
        `文件超过 ${MAX_BYTES / 1024 / 1024} MB，拒绝读取`,
        `The file is larger than ${MAX_BYTES / 1024 / 1024} MB`,
      );
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return fail('file-not-found', '文件不存在', 'File not found');
    return fail('file-unreadable', `无法读取文件（${code ?? 'error'}）`, `Cannot read the file (${code ?? 'error'})`);
  }
  let def: unknown;
  try {
    def = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const { line, column } = lineColumn(text, jsonErrorOffset(text, raw));
    // one line: V8 quotes the text around the error and names an offset; line:column says it better
    const why = raw
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/\s+/g, ' ');
    return fail(
      'malformed-json',
      `JSON 格式错误（第 ${line} 行第 ${column} 列）：${why}`,
      `Malformed JSON at line ${line}, column ${column}: ${why}`,
    );
  }
  // the guard runs before migration too: migrations walk the document
  const guard = guardInput(def);
  if (guard) return [guard];
  if (needsMigration(def)) {
    const migrated = migrateDefinition(def);
    if (!migrated.ok) return [migrated.error];
    def = migrated.definition;
  }
  return validateDefinition(def).errors;
}

function needsMigration(def: unknown): boolean {
  if (typeof def !== 'object' || def === null || Array.isArray(def)) return false;
  if (!Object.hasOwn(def, 'schemaVersion')) return true;
  const v = (def as { schemaVersion: unknown }).schemaVersion;
  return typeof v === 'number' && v < CURRENT_SCHEMA_VERSION;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`gongfang: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let invalid = false;
  for (const file of options.files) {
    const errors = await checkFile(file);
    if (errors.length === 0) {
      process.stdout.write(`${file}: ok\n`);
      continue;
    }
    invalid = true;
    const lines = errors.map((e) => `${file}:${e.pointer === '' ? '/' : e.pointer}: ${e.message[options.lang]}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return invalid ? 1 : 0;
}
