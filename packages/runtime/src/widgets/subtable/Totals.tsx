import type { SubtableField } from '@gongfang/schema';
import { useRows } from '../../engine/useFormEngine.ts';
import { useFormContext } from '../../form/FormContext.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { formatNumber } from '../number/numbers.ts';
import { columnTotal } from './rows.ts';

/** The footer: the sum of each `totals` column, with its precision and unit. */
export function Totals({ field }: { field: SubtableField }) {
  const { engine } = useFormContext();
  const { t, text, lang } = useRuntime();
  const rows = useRows(engine, field.id);
  const columns = (field.totals ?? [])
    .map((id) => field.fields.find((c) => c.id === id))
    .filter((c) => c !== undefined);
  if (columns.length === 0) return null;
  return (
    <dl className="gf-totals" aria-label={t('total')}>
      {columns.map((c) => {
        const precision = 'precision' in c ? c.precision : undefined;
        const unit = 'unit' in c ? text(c.unit) : '';
        return (
          <div key={c.id} className="gf-total">
            <dt>{t('totalOf', { label: text(c.label) })}</dt>
            <dd>
              {formatNumber(columnTotal(rows, c.id), lang, precision)}
              {unit ? <span className="gf-unit">{unit}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
