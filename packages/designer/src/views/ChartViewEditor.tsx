import { type AggregateView, type ChartView, localize } from '@gongfang/schema';
import { useDesignerState } from '../ui/DesignerContext.tsx';
import { Checklist, Name, Sel, useLangT } from './bits.tsx';

/** A chart of a summary: kind, x axis, series, measures drawn. */
export function ChartViewEditor({ view, index }: { view: ChartView; index: number }) {
  const { t, lang } = useLangT();
  const views = useDesignerState((s) => s.doc.views ?? []);
  const at = ['views', index] as const;
  const aggregates = views.filter((v): v is AggregateView => v.type === 'aggregate');
  const source = aggregates.find((v) => v.id === view.view);
  const keys = (source?.groupBy ?? []).map((g) => ({ value: g.key, label: localize(g.label, lang) || g.key }));
  const measures = (source?.measures ?? []).map((m) => ({ value: m.id, label: localize(m.label, lang) || m.id }));
  return (
    <>
      <Name label={t('name')} path={[...at, 'name']} value={view.name} />
      <Sel
        label={t('chartOf')}
        path={[...at, 'view']}
        value={view.view}
        choices={aggregates.map((v) => ({ value: v.id, label: localize(v.name, lang) }))}
      />
      <Sel
        label={t('chart')}
        path={[...at, 'chart']}
        value={view.chart}
        choices={(['bar', 'stackedBar', 'line', 'pie'] as const).map((c) => ({ value: c, label: t(`chart_${c}`) }))}
      />
      <Sel label={t('x')} path={[...at, 'x']} value={view.x} choices={keys} />
      <Sel label={t('series')} path={[...at, 'series']} value={view.series} empty={t('none')} choices={keys} />
      <Checklist label={t('y')} path={[...at, 'y']} value={view.y} choices={measures} />
    </>
  );
}
