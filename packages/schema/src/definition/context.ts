import type { TypeEnv } from '../expr/index.ts';
import type { AppDefinition, Form, Ledger, View } from '../generated/types.ts';
import { ErrorList } from './errors.ts';
import { type FieldEntry, walkFields } from './fields.ts';
import { headerEnv, rowEnv } from './typeEnv.ts';

/** A form with its fields indexed, as the semantic checks need it. */
export interface FormInfo {
  form: Form;
  pointer: string;
  entries: FieldEntry[];
  /** By value key: `qty`, `lines.qty` (first occurrence when ids repeat). */
  fields: Map<string, FieldEntry>;
  header: TypeEnv;
  row(subtable: string): TypeEnv;
}

/** Everything the semantic checks share: lookups by id and the error list. */
export interface CheckContext {
  def: AppDefinition;
  errors: ErrorList;
  roles: Set<string>;
  forms: Map<string, FormInfo>;
  formList: FormInfo[];
  ledgers: Map<string, { ledger: Ledger; pointer: string }>;
  views: Map<string, { view: View; pointer: string }>;
}

export function buildContext(def: AppDefinition): CheckContext {
  const formList = def.forms.map((form, i) => formInfo(form, `/forms/${i}`));
  const forms = new Map<string, FormInfo>();
  for (const info of formList) if (!forms.has(info.form.id)) forms.set(info.form.id, info);
  const ledgers = new Map<string, { ledger: Ledger; pointer: string }>();
  (def.ledgers ?? []).forEach((ledger, i) => {
    if (!ledgers.has(ledger.id)) ledgers.set(ledger.id, { ledger, pointer: `/ledgers/${i}` });
  });
  const views = new Map<string, { view: View; pointer: string }>();
  (def.views ?? []).forEach((view, i) => {
    if (!views.has(view.id)) views.set(view.id, { view, pointer: `/views/${i}` });
  });
  return {
    def,
    errors: new ErrorList(),
    roles: new Set(def.roles.map((r) => r.id)),
    forms,
    formList,
    ledgers,
    views,
  };
}

export function formInfo(form: Form, pointer: string): FormInfo {
  const entries = walkFields(form);
  const fields = new Map<string, FieldEntry>();
  for (const e of entries) if (!fields.has(e.path)) fields.set(e.path, e);
  const rows = new Map<string, TypeEnv>();
  return {
    form,
    pointer,
    entries,
    fields,
    header: headerEnv(fields),
    row(subtable) {
      let env = rows.get(subtable);
      if (!env) {
        env = rowEnv(fields, subtable);
        rows.set(subtable, env);
      }
      return env;
    },
  };
}
