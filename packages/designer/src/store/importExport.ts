// Import and export of the JSON definition. An import is migrated, then validated: a file the
// designer cannot open (not JSON, an unknown format, too large, no forms or fields to walk) is
// refused with a localized message and nothing in the open app changes; every other problem (a
// bad expression, a missing option list) loads and shows in the problems list, to be fixed here.
import {
  type AppDefinition,
  type DefinitionError,
  type Message,
  message,
  migrateDefinition,
  validateDefinition,
} from '@gongfang/schema';

export type ImportResult =
  | { ok: true; definition: AppDefinition; problems: DefinitionError[] }
  | { ok: false; errors: DefinitionError[] };

/** Inputs too broken or too hostile to open at all (packages/schema's input guard). */
const REFUSED = new Set(['not-an-object', 'too-large', 'too-deep', 'forbidden-key']);

export function parseDefinition(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return refuse('not-json', message(`文件不是有效的 JSON：${detail}`, `The file is not valid JSON: ${detail}`));
  }
  const migrated = migrateDefinition(parsed);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const result = validateDefinition(migrated.definition);
  if (!editable(migrated.definition) || result.errors.some((e) => REFUSED.has(e.code))) {
    return { ok: false, errors: result.errors.length > 0 ? result.errors : [notAnApp()] };
  }
  return { ok: true, definition: migrated.definition as AppDefinition, problems: result.errors };
}

function refuse(code: string, msg: Message): ImportResult {
  return { ok: false, errors: [{ pointer: '', code, message: msg }] };
}

function notAnApp(): DefinitionError {
  return {
    pointer: '',
    code: 'not-an-app',
    message: message(
      '这不是工坊应用定义（缺少表单或字段）',
      'This is not a Gongfang app definition (no forms or fields)',
    ),
  };
}

/** Just enough structure for the designer to walk the fields: forms, fields with ids and types. */
function editable(def: unknown): boolean {
  const d = def as { forms?: unknown };
  if (!Array.isArray(d.forms) || d.forms.length === 0) return false;
  const fieldsOk = (list: unknown, depth: number): boolean =>
    list === undefined ||
    (Array.isArray(list) &&
      list.every((x) => {
        const f = x as { id?: unknown; type?: unknown; fields?: unknown } | null;
        return (
          typeof f === 'object' &&
          f !== null &&
          typeof f.id === 'string' &&
          typeof f.type === 'string' &&
          (depth < 2 ? fieldsOk(f.fields, depth + 1) : true)
        );
      }));
  return d.forms.every((f) => {
    const fields = (f as { fields?: unknown } | null)?.fields;
    return Array.isArray(fields) && fieldsOk(fields, 0);
  });
}

/** The definition as a file: two-space JSON with a final newline, as examples/ are written. */
export function exportDefinition(def: AppDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}
