// Brings an app definition of any known format up to the current one, step by step, before
// anything validates or renders it (old definitions are repaired on load, as excalidraw does).
import { message } from '../i18n.ts';
import { isObject, type JsonObject, type MigrationError, MigrationStop } from './shape.ts';
import { migrateV1ToV2 } from './v1ToV2.ts';
import { migrateV2ToV3 } from './v2ToV3.ts';

/** The definition format this code reads and writes (`schemaVersion` in schemas/app.schema.json). */
export const CURRENT_SCHEMA_VERSION = 3;

export type { MigrationError } from './shape.ts';
export type MigrationResult = { ok: true; definition: unknown; from: number } | { ok: false; error: MigrationError };

/** STEPS[n] takes format n + 1 to format n + 2. */
const STEPS: readonly ((def: JsonObject) => JsonObject)[] = [migrateV1ToV2, migrateV2ToV3];

function fail(pointer: string, code: string, zh: string, en: string): MigrationResult {
  return { ok: false, error: { pointer, code, message: message(zh, en) } };
}

/** The format of `def`: format 1 had no `schemaVersion`. Returns an error result when it is not usable. */
function formatOf(def: JsonObject): number | MigrationResult {
  if (!Object.hasOwn(def, 'schemaVersion')) return 1;
  const v = def.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return fail(
      '/schemaVersion',
      'invalid_schema_version',
      'schemaVersion 必须是整数，如 3',
      'schemaVersion must be a whole number such as 3',
    );
  }
  if (v > CURRENT_SCHEMA_VERSION) {
    return fail(
      '/schemaVersion',
      'newer_schema_version',
      `此应用定义的格式版本为 ${v}，比本程序支持的 ${CURRENT_SCHEMA_VERSION} 新，请升级工坊后再打开`,
      `This definition uses format ${v}, newer than format ${CURRENT_SCHEMA_VERSION} this Gongfang reads; upgrade Gongfang to open it`,
    );
  }
  if (v < 1) {
    return fail(
      '/schemaVersion',
      'unknown_schema_version',
      `没有格式版本 ${v}，已知的版本为 1 到 ${CURRENT_SCHEMA_VERSION}`,
      `There is no format ${v}; known formats are 1 to ${CURRENT_SCHEMA_VERSION}`,
    );
  }
  return v;
}

/**
 * Migrates a parsed app definition to format {@link CURRENT_SCHEMA_VERSION}. Pure: the input is
 * never changed (the result may share untouched parts with it, so treat both as read-only), and it
 * never throws. It only reshapes: validate the result with `validateDefinition` afterwards.
 * `from` is the format the definition had.
 */
export function migrateDefinition(def: unknown): MigrationResult {
  if (!isObject(def)) {
    return fail('', 'not_an_object', '应用定义必须是 JSON 对象', 'An app definition must be a JSON object');
  }
  try {
    const from = formatOf(def);
    if (typeof from !== 'number') return from;
    let current = def;
    for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) current = STEPS[v - 1]!(current);
    return { ok: true, definition: current, from };
  } catch (e) {
    if (e instanceof MigrationStop) return { ok: false, error: e.detail };
    // Only exotic inputs (e.g. objects with throwing getters) get here; never let them escape.
    return fail('', 'migration_failed', '无法迁移此应用定义', 'This app definition could not be migrated');
  }
}
