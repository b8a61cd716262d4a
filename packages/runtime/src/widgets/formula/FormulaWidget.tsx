import type { FormulaField, Lang } from '@gongfang/schema';
import { useRuntime } from '../../RuntimeContext.tsx';
import { formatNumber } from '../number/numbers.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

/** A computed value, read-only: formatted to its precision with its unit; OK/NG shown as a tag. */
function FormulaWidget(p: WidgetProps<FormulaField>) {
  const { lang, text } = useRuntime();
  const shown = formatFormula(p.value, p.field, lang);
  const unit = text(p.field.unit);
  const verdict = p.value === 'OK' ? 'ok' : p.value === 'NG' ? 'ng' : undefined;
  return (
    <output id={p.id} className="gf-formula" aria-describedby={p.describedBy} data-verdict={verdict} aria-live="polite">
      {shown === '' ? <span className="gf-muted">—</span> : shown}
      {shown !== '' && unit ? <span className="gf-unit">{unit}</span> : null}
    </output>
  );
}

export function formatFormula(value: unknown, field: Pick<FormulaField, 'precision'>, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return formatNumber(value, lang, field.precision);
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否';
  return String(value);
}

export const formulaWidget: WidgetSpec<FormulaField> = { component: FormulaWidget };
