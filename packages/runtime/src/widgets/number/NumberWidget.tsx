import type { NumberField } from '@gongfang/schema';
import { useEffect, useState } from 'react';
import { useRuntime } from '../../RuntimeContext.tsx';
import { controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { parseNumber, stepValue } from './numbers.ts';

const show = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

/**
 * A big keypad-friendly number box with − / + steppers (when the field has a `step`) and the unit. The text being typed is kept
 * as typed ("1." stays "1."); the engine gets a number, or the raw text when it is not one, so the
 * validator can say so.
 */
function NumberWidget(p: WidgetProps<NumberField>) {
  const { t, text } = useRuntime();
  const { field } = p;
  const [draft, setDraft] = useState(() => show(p.value));
  // Follow changes made elsewhere (steppers, scans, a loaded record) unless the draft already means them.
  useEffect(() => {
    setDraft((d) => (parseNumber(d) === (p.value ?? null) ? d : show(p.value)));
  }, [p.value]);
  const unit = text(field.unit);
  const step = (dir: 1 | -1) => p.onChange(stepValue(p.value, dir, field));
  // Steppers only where the definition gives a step: prices and measurements are typed, counts stepped.
  const steppers = !p.readOnly && field.step !== undefined;
  const atMin = typeof p.value === 'number' && field.min !== undefined && p.value <= field.min;
  const atMax = typeof p.value === 'number' && field.max !== undefined && p.value >= field.max;
  return (
    <div className="gf-number">
      {!steppers ? null : (
        <button
          type="button"
          className="gf-step"
          aria-label={t('decrease', { label: p.label })}
          disabled={atMin}
          onClick={() => step(-1)}
        >
          −
        </button>
      )}
      <input
        type="text"
        inputMode={field.precision === 0 ? 'numeric' : 'decimal'}
        className="gf-input gf-number-input"
        {...controlAria(p)}
        value={draft}
        readOnly={p.readOnly}
        placeholder={text(field.placeholder) || undefined}
        autoComplete="off"
        onChange={(e) => {
          setDraft(e.target.value);
          p.onChange(parseNumber(e.target.value));
        }}
      />
      {!steppers ? null : (
        <button
          type="button"
          className="gf-step"
          aria-label={t('increase', { label: p.label })}
          disabled={atMax}
          onClick={() => step(1)}
        >
          +
        </button>
      )}
      {unit ? <span className="gf-unit">{unit}</span> : null}
    </div>
  );
}

export const numberWidget: WidgetSpec<NumberField> = { component: NumberWidget };
