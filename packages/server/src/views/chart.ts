/* A chart view: its aggregate view's rows shaped as categories (x) and series (per `series` key value × measure). */
import type { ChartView, LocalizedText } from '@gongfang/schema';
import type { AggregateResult } from './aggregate.ts';

export interface ChartSeries {
  measure: string;
  /** Value of the `series` group key, when the chart has one. */
  key: string | null;
  label: LocalizedText | null;
  data: (number | null)[];
}

export interface ChartData {
  chart: ChartView['chart'];
  x: string;
  categories: (string | null)[];
  series: ChartSeries[];
}

export function shapeChart(view: ChartView, data: AggregateResult): ChartData {
  const categories = [...new Set(data.rows.map((r) => r.keys[view.x] ?? null))];
  const seriesKeys = view.series ? [...new Set(data.rows.map((r) => r.keys[view.series as string] ?? null))] : [null];
  const series: ChartSeries[] = [];
  for (const measure of view.y) {
    const label = data.columns.find((c) => c.id === measure)?.label ?? null;
    for (const key of seriesKeys) {
      const values = categories.map((cat) => {
        const rows = data.rows.filter(
          (r) => (r.keys[view.x] ?? null) === cat && (!view.series || (r.keys[view.series] ?? null) === key),
        );
        if (rows.length === 0) return null;
        // Group keys besides x and series are summed away.
        return rows.reduce((s, r) => s + (r.values[measure] ?? 0), 0);
      });
      series.push({ measure, key, label, data: values });
    }
  }
  return { chart: view.chart, x: view.x, categories, series };
}
