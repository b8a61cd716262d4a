import type { AggregateView, AppDefinition } from '@gongfang/schema';
import { lazy, Suspense, useEffect, useState } from 'react';
import { type AggregateRow, highlightOf, loadAggregate } from '../data/aggregate.ts';
import { useApp } from '../shell/AppContext.ts';

// Charts load when a view is opened, never with the first screen.
const BarChart = lazy(() => import('./BarChart.tsx'));

function formatMeasure(value: number | null, m: AggregateView['measures'][number], lang: string): string {
  if (value === null) return '—';
  const precision = m.precision ?? 2;
  if ('format' in m && m.format === 'percent') return `${(value * 100).toFixed(precision)}%`;
  return value.toLocaleString(lang, { minimumFractionDigits: precision, maximumFractionDigits: precision });
}

/** Stock balance, defect rate and other aggregates: a table with highlights and a bar chart. */
export function AggregateScreen({ app, view }: { app: AppDefinition; view: AggregateView }) {
  const { t, text, lang } = useApp();
  const [data, setData] = useState<{ rows: AggregateRow[]; fromDevice: boolean } | undefined>(undefined);
  useEffect(() => {
    void loadAggregate(app.id, view).then(setData);
  }, [app.id, view]);
  const keyLabel = (key: string, given?: AggregateView['groupBy'][number]['label']) => {
    if (given) return text(given, key);
    const ledger =
      'ledger' in view.source
        ? app.ledgers?.find((l) => l.id === (view.source as { ledger: string }).ledger)
        : undefined;
    const fromLedger = ledger?.keys.find((k) => k.id === key)?.label;
    if (fromLedger) return text(fromLedger, key);
    const form =
      'form' in view.source ? app.forms.find((f) => f.id === (view.source as { form: string }).form) : undefined;
    const field = form?.fields
      .flatMap((f) => (f.type === 'section' ? (f.fields ?? []) : [f]))
      .find((f) => f.id === key);
    return text(field?.label, key);
  };
  if (!data) return null;
  const sorted = [...data.rows].sort((a, b) => {
    for (const s of view.sort ?? view.groupBy.map((g) => ({ field: g.key, direction: 'asc' as const }))) {
      const x = a.key[s.field] ?? a.values[s.field] ?? '';
      const y = b.key[s.field] ?? b.values[s.field] ?? '';
      if (x !== y) return (x < y ? -1 : 1) * (s.direction === 'desc' ? -1 : 1);
    }
    return 0;
  });
  const chartMeasure = view.measures[view.measures.length - 1];
  return (
    <div className="app-list-page">
      <h1>{text(view.name, view.id)}</h1>
      <p className="app-muted" role="status">
        {t('rows', { n: sorted.length })}
        {data.fromDevice ? ` · ${t('fromDevice')}` : ''}
      </p>
      <table className="app-agg">
        <thead>
          <tr>
            {view.groupBy.map((g) => (
              <th key={g.key} scope="col">
                {keyLabel(g.key, g.label)}
              </th>
            ))}
            {view.measures.map((m) => (
              <th key={m.id} scope="col" className="app-num">
                {text(m.label, m.id)}
              </th>
            ))}
            <th scope="col">{view.highlights?.length ? t('guardWarning') : ''}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const hl = highlightOf(view, row);
            return (
              <tr key={JSON.stringify(row.key)} className={hl ? `app-hl-${hl.tone}` : undefined}>
                {view.groupBy.map((g) => (
                  <td key={g.key}>{row.key[g.key]}</td>
                ))}
                {view.measures.map((m) => (
                  <td key={m.id} className="app-num">
                    {formatMeasure(row.values[m.id] ?? null, m, lang)}
                  </td>
                ))}
                <td>
                  {hl ? <span className={`app-tag app-tone-${hl.tone}`}>{text(hl.message, hl.tone)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {chartMeasure && sorted.length > 0 ? (
        <section aria-label={t('chart')} className="app-chart">
          <h2>
            {t('chart')} · {text(chartMeasure.label, chartMeasure.id)}
          </h2>
          <Suspense fallback={null}>
            <BarChart
              title={text(chartMeasure.label, chartMeasure.id)}
              bars={sorted.map((r) => ({
                label: view.groupBy.map((g) => r.key[g.key]).join(' · '),
                value: r.values[chartMeasure.id] ?? 0,
                text: formatMeasure(r.values[chartMeasure.id] ?? null, chartMeasure, lang),
                tone: highlightOf(view, r)?.tone,
              }))}
            />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
}
