/*
 * The rows of a form export, streamed: records read in pages of 500 (keyset on received order),
 * one row per line of the flattened sub-table with the record's header fields repeated on each
 * (a record without lines is one row). Record columns come first: id, version, status, creator, time.
 */
import { type AppDefinition, type Lang, localize } from '@gongfang/schema';
import type { Auth } from '../context.ts';
import type { Queryable } from '../db/Db.ts';
import { apiError } from '../http/errors.ts';
import { hiddenFields, opensForm, visibilitySql } from '../views/access.ts';
import { type Cell, cellValue, safeText } from './cells.ts';
import { exportPlan, type VersionInfo } from './plan.ts';

const RECORD_COLUMNS: Record<Lang, string[]> = {
  'zh-CN': ['记录编号', '定义版本', '状态', '提交人', '提交时间', '行号'],
  en: ['Record id', 'Version', 'Status', 'Created by', 'Created at', 'Line'],
};

const STATUS: Record<string, [string, string]> = {
  none: ['已提交', 'Submitted'],
  running: ['审批中', 'In approval'],
  approved: ['已通过', 'Approved'],
  rejected: ['已驳回', 'Rejected'],
  returned: ['已退回', 'Returned'],
  withdrawn: ['已撤回', 'Withdrawn'],
};

export interface FormExport {
  sheetName: string;
  header: string[];
  rows: AsyncGenerator<Cell[]>;
}

interface RecordRow {
  id: string;
  version: number;
  status: string;
  created_by_name: string | null;
  created_at: Date | string;
  data: Record<string, unknown>;
  received_at_text: string;
}

export async function formExport(
  db: Queryable,
  auth: Auth,
  appId: string,
  formId: string,
  lang: Lang,
): Promise<FormExport> {
  const rows = await db.query<{
    version: number;
    definition: AppDefinition;
    mapping: Record<string, string | null> | null;
    current: number;
  }>(
    `select v.version, v.definition, to_jsonb(v) -> 'field_mapping' as mapping, a.current_version as current
       from apps a join app_versions v on v.org_id = a.org_id and v.app_id = a.id
      where a.org_id = $1 and a.id = $2`,
    [auth.orgId, appId],
  );
  const current = rows[0]?.current;
  const currentDef = rows.find((r) => r.version === current)?.definition;
  if (!currentDef || current === undefined)
    throw apiError(404, 'app-not-found', '找不到该应用', 'No such app', { app: appId });
  const form = currentDef.forms.find((f) => f.id === formId);
  if (!form) throw apiError(404, 'form-not-found', '找不到该表单', 'No such form', { form: formId });
  if (!opensForm(form, auth))
    throw apiError(403, 'forbidden', '您的角色无权导出此表单', 'Your role may not export this form');
  const versions = new Map<number, VersionInfo>(
    rows.map((r) => [r.version, { definition: r.definition, mapping: r.mapping ?? {} }]),
  );
  const hidden = hiddenFields(form, auth);
  const plan = exportPlan(formId, current, versions, hidden);
  const header = [...RECORD_COLUMNS[lang], ...plan.columns.map((c) => safeText(localize(c.label, lang)))];
  const params: unknown[] = [auth.orgId, appId, formId];
  const visible = await visibilitySql(db, form, auth, params);

  async function* generate(): AsyncGenerator<Cell[]> {
    let after: [string, string] | null = null;
    for (;;) {
      const p = [...params];
      let page = '';
      if (after) {
        p.push(after[0], after[1]);
        page = ` and (r.received_at, r.id) > ($${p.length - 1}::timestamptz, $${p.length}::uuid)`;
      }
      const batch = await db.query<RecordRow>(
        `select r.id, r.version, r.status, r.created_at, r.data, r.received_at::text as received_at_text,
                (select u.name from users u where u.org_id = r.org_id and u.id = r.created_by) as created_by_name
           from records r where r.org_id = $1 and r.app_id = $2 and r.form_id = $3 and ${visible}${page}
          order by r.received_at, r.id limit 500`,
        p,
      );
      for (const r of batch) yield* recordRows(r);
      const last = batch[batch.length - 1];
      if (batch.length < 500 || !last) return;
      after = [last.received_at_text, last.id];
    }
  }

  function* recordRows(r: RecordRow): Generator<Cell[]> {
    const fields = plan.fields(r.version);
    const rename = plan.rename(r.version);
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.data)) {
      const to = rename.has(k) ? rename.get(k) : k;
      if (to) data[to] = v;
    }
    const versionForm = versions.get(r.version)?.definition.forms.find((f) => f.id === formId);
    const hiddenThen = versionForm ? hiddenFields(versionForm, auth) : new Set<string>();
    const status = STATUS[r.status] ?? [r.status, r.status];
    const base: Cell[] = [
      r.id,
      r.version,
      lang === 'zh-CN' ? status[0] : status[1],
      r.created_by_name,
      new Date(r.created_at).toISOString(),
    ];
    const lineRows =
      plan.lines && Array.isArray(data[plan.lines]) ? (data[plan.lines] as Record<string, unknown>[]) : [];
    const cellsFor = (line: Record<string, unknown> | undefined) =>
      plan.columns.map((c) => {
        const [top, col] = c.path.split('.') as [string, string | undefined];
        if (hiddenThen.has(top) || (col !== undefined && hiddenThen.has(col))) return null;
        if (col === undefined) return cellValue(fields.get(c.path), data[top], lang);
        if (!line) return null;
        const key = [...rename.entries()].find(([, to]) => to === col)?.[0] ?? col;
        return cellValue(fields.get(c.path), Object.hasOwn(line, col) ? line[col] : line[key], lang);
      });
    if (lineRows.length === 0) {
      yield [...base, null, ...cellsFor(undefined)];
      return;
    }
    for (const [i, line] of lineRows.entries()) yield [...base, i + 1, ...cellsFor(line)];
  }

  return { sheetName: localize(form.name, lang).slice(0, 31), header, rows: generate() };
}
