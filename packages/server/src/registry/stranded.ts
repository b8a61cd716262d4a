/**
 * Fields whose data a new version would strand: a value field of the previous version that the new
 * one drops or retypes, while some record of the app (of any version) holds a value for it. Those
 * need `confirm: true` and a mapping per field; records themselves are never rewritten.
 */
import { type AppDefinition, fieldIndex } from '@gongfang/schema';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';

export interface StrandedField {
  form: string;
  /** `qty` for a header field, `lines.qty` for a sub-table column. */
  field: string;
  oldType: string;
  /** The new type, or `removed`. */
  newType: string;
  records: number;
}

/** `{ "<form>.<field>": "<new field>" | null }`. */
export type FieldMapping = Record<string, string | null>;

function valueFields(def: AppDefinition, formId: string) {
  const form = def.forms.find((f) => f.id === formId);
  return form ? fieldIndex(form) : new Map();
}

/** Records of the form holding a value under `field` (a header key, or a column in any row). */
async function countHolding(
  db: Queryable,
  orgId: string,
  appId: string,
  formId: string,
  field: string,
): Promise<number> {
  const [sub, column] = field.split('.');
  // Ids match ^[a-z][a-z0-9_]*$ (validated definitions), so quoting them into the path is safe.
  const [row] = column
    ? await db.query<{ n: string | number }>(
        `select count(*) as n from records where org_id = $1 and app_id = $2 and form_id = $3
            and jsonb_path_exists(data, $4::jsonpath)`,
        [orgId, appId, formId, `$."${sub}"[*]."${column}"`],
      )
    : await db.query<{ n: string | number }>(
        'select count(*) as n from records where org_id = $1 and app_id = $2 and form_id = $3 and data ? $4',
        [orgId, appId, formId, field],
      );
  return Number(row?.n ?? 0);
}

export async function findStranded(
  db: Queryable,
  orgId: string,
  appId: string,
  previous: AppDefinition,
  next: AppDefinition,
): Promise<StrandedField[]> {
  const out: StrandedField[] = [];
  for (const form of previous.forms) {
    const now = valueFields(next, form.id);
    for (const [key, entry] of fieldIndex(form)) {
      if (entry.field.type === 'section') continue;
      const newType: string = now.get(key)?.field.type ?? 'removed';
      if (newType === entry.field.type) continue;
      const records = await countHolding(db, orgId, appId, form.id, key);
      if (records > 0) out.push({ form: form.id, field: key, oldType: entry.field.type, newType, records });
    }
  }
  return out;
}

/**
 * Checks the caller's confirmation: every stranded field mapped to null (dropped knowingly) or to
 * a value field of the same form in the new version. Returns the mapping to store (stranded keys
 * only).
 */
export function confirmedMapping(
  stranded: StrandedField[],
  next: AppDefinition,
  confirm: boolean | undefined,
  mapping: FieldMapping | undefined,
): FieldMapping {
  const missing = stranded.filter((s) => !mapping || !Object.hasOwn(mapping, `${s.form}.${s.field}`));
  if (stranded.length > 0 && (confirm !== true || missing.length > 0)) {
    const names = stranded.map((s) => `${s.form}.${s.field}`).join(', ');
    throw apiError(
      409,
      'confirm-required',
      `新版本会删除或改变已有数据的字段（${names}），请确认并为每个字段指定映射（新字段或 null）`,
      `This version drops or retypes fields that hold data (${names}); confirm and map each one to a new field or null`,
      { stranded, missing: missing.map((s) => `${s.form}.${s.field}`) },
    );
  }
  const out: FieldMapping = {};
  for (const s of stranded) {
    const key = `${s.form}.${s.field}`;
    const target = mapping?.[key] ?? null;
    if (target !== null) {
      const field = valueFields(next, s.form).get(target)?.field;
      if (!field || field.type === 'section') {
        throw apiError(
          422,
          'invalid-mapping',
          `映射 ${key} → ${target}：新版本的表单 ${s.form} 中没有该字段`,
          `Mapping ${key} → ${target}: form ${s.form} of the new version has no such field`,
          { field: key, target },
        );
      }
    }
    out[key] = target;
  }
  return out;
}
