import type { AppDefinition, Field, ListView } from '@gongfang/schema';
import { walkFields } from '@gongfang/schema';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { compareBy, filterRows, type ListRow, loadListRows } from '../data/listRows.ts';
import { useApp } from '../shell/AppContext.ts';
import { href } from '../shell/router.ts';
import { useFormatValue } from './RecordValues.tsx';

const PROPS: Record<string, { 'zh-CN': string; en: string }> = {
  $status: { 'zh-CN': '状态', en: 'Status' },
  $createdAt: { 'zh-CN': '创建时间', en: 'Created' },
  $createdBy: { 'zh-CN': '填写人', en: 'By' },
  $updatedAt: { 'zh-CN': '更新时间', en: 'Updated' },
  $version: { 'zh-CN': '表单版本', en: 'Form version' },
  $id: { 'zh-CN': '编号', en: 'ID' },
};
const WF = ['none', 'running', 'approved', 'rejected', 'returned', 'withdrawn', 'pending'] as const;
const ROW_HEIGHT = 52;

/** A list view: search, user filters, sort, and a virtualized body for 10,000+ rows. */
export function ListScreen({ app, view }: { app: AppDefinition; view: ListView }) {
  const { t, text, lang } = useApp();
  const format = useFormatValue();
  const fields = useMemo(() => {
    const form = app.forms.find((f) => f.id === view.form);
    const map = new Map<string, Field>();
    if (form) for (const e of walkFields(form)) map.set(e.field.id, e.field as Field);
    return map;
  }, [app, view.form]);
  const [data, setData] = useState<{ rows: ListRow[]; fromDevice: boolean } | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sortField, setSortField] = useState(view.sort?.[0]?.field ?? view.columns[0]);
  const [desc, setDesc] = useState(view.sort?.[0]?.direction === 'desc');
  useEffect(() => {
    void loadListRows(app.id, view).then(setData);
  }, [app.id, view]);

  const statusLabel = (v: string) =>
    v === 'pending' ? t('statusPending') : (WF as readonly string[]).includes(v) ? t(`wf_${v as 'none'}`) : v;
  const label = (col: string) => (PROPS[col] ? PROPS[col][lang] : text(fields.get(col)?.label, col));
  const rows = useMemo(() => {
    if (!data) return [];
    const out = filterRows(data.rows, { search, searchIn: view.search ?? [], filters });
    return out.sort(compareBy([{ field: sortField, direction: desc ? 'desc' : 'asc' }]));
  }, [data, search, filters, sortField, desc, view.search]);

  const scroller = useRef<HTMLDivElement>(null);
  // The header stays in the scroller (sticky), so rows start below it.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const cols = view.columns;
  const grid = { gridTemplateColumns: `repeat(${cols.length}, minmax(120px, 1fr))` };
  const cell = (col: string, value: unknown) => {
    if (col === '$status' && typeof value === 'string') return statusLabel(value);
    const f = fields.get(col);
    return f ? format(f, value) : value === undefined || value === null ? '—' : String(value);
  };

  return (
    <div className="app-list-page">
      <h1>{text(view.name, view.id)}</h1>
      <div className="app-toolbar">
        {view.search?.length ? (
          <label className="app-field">
            <span>{t('search')}</span>
            <input className="gf-input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
        ) : null}
        {(view.userFilters ?? []).map((col) => {
          const f = fields.get(col);
          const options =
            col === '$status'
              ? WF.map((v) => ({ value: v, label: statusLabel(v) }))
              : f && 'options' in f && Array.isArray(f.options)
                ? f.options.map((o) => ({ value: o.value, label: text(o.label, o.value) }))
                : undefined;
          if (!options) return null;
          return (
            <label key={col} className="app-field">
              <span>{label(col)}</span>
              <select
                className="gf-input"
                value={filters[col] ?? ''}
                onChange={(e) => setFilters((x) => ({ ...x, [col]: e.target.value }))}
              >
                <option value="">{t('all')}</option>
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <label className="app-field">
          <span>{t('sortBy')}</span>
          <select className="gf-input" value={sortField} onChange={(e) => setSortField(e.target.value)}>
            {cols.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="gf-button" aria-pressed={desc} onClick={() => setDesc((d) => !d)}>
          {desc ? t('descending') : t('ascending')}
        </button>
      </div>
      <p className="app-muted" role="status">
        {t('rows', { n: rows.length })}
        {data?.fromDevice ? ` · ${t('fromDevice')}` : ''}
      </p>
      <div className="app-table" ref={scroller}>
        <table aria-label={text(view.name, view.id)} aria-rowcount={rows.length + 1}>
          <thead>
            <tr style={grid}>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {label(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id || item.index}
                  aria-rowindex={item.index + 2}
                  style={{ ...grid, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {cols.map((c, i) => (
                    <td key={c}>
                      {i === 0 && row.id ? (
                        <a href={href('record', row.id)}>{cell(c, row.values[c])}</a>
                      ) : (
                        cell(c, row.values[c])
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
