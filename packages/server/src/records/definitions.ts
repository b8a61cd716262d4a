import {
  type AppDefinition,
  compileRecordValidator,
  type Form,
  type RecordValidator,
  walkFields,
} from '@gongfang/schema';
import type { Db, Queryable } from '../db/Db.ts';

/** A published app version with what the server derives from it once. */
export interface PublishedVersion {
  app: AppDefinition;
  appId: string;
  version: number;
  forms: Map<string, CompiledForm>;
}

export interface CompiledForm {
  form: Form;
  /** Compiled on first use: most pulls only need the form's permissions. */
  validator(): RecordValidator;
  /** Value keys of attachment-holding fields: `photos`, `signature`, or `lines.photo` for a column. */
  fileFields: { path: string; multiple: boolean }[];
}

function compile(appId: string, version: number, app: AppDefinition): PublishedVersion {
  const forms = new Map<string, CompiledForm>();
  for (const form of app.forms) {
    let validator: RecordValidator | undefined;
    const fileFields = walkFields(form)
      .filter((e) => e.field.type === 'photo' || e.field.type === 'attachment' || e.field.type === 'signature')
      .map((e) => ({ path: e.path, multiple: e.field.type !== 'signature' }));
    forms.set(form.id, {
      form,
      validator: () => {
        validator ??= compileRecordValidator(form, { app });
        return validator;
      },
      fileFields,
    });
  }
  return { app, appId, version, forms };
}

// Published versions never change (a trigger refuses it), so the parsed definition and its compiled
// forms (validators built on first use) are kept per database handle in a bounded LRU for the life
// of the process. Nothing here is needed by another process; each process fills its own.
const caches = new WeakMap<object, Map<string, PublishedVersion | null>>();
const MAX_CACHED = 500;

/** The published version `version` of `appId`, or null when it does not exist. */
export async function loadVersion(
  db: Db,
  q: Queryable,
  orgId: string,
  appId: string,
  version: number,
): Promise<PublishedVersion | null> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${orgId}\u0000${appId}\u0000${version}`;
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to evict.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const [row] = await q.query<{ definition: AppDefinition }>(
    'select definition from app_versions where org_id = $1 and app_id = $2 and version = $3',
    [orgId, appId, version],
  );
  if (!row) return null;
  const compiled = compile(appId, version, row.definition);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}
