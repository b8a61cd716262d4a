import type { DateField } from '@gongfang/schema';
import { asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { isoToLocalInput, localInputToIso } from './dates.ts';

/** Native date, time and datetime inputs: tablets show their own large pickers. */
function DateWidget(p: WidgetProps<DateField>) {
  const mode = p.field.mode ?? 'date';
  const common = { className: 'gf-input gf-date', ...controlAria(p), readOnly: p.readOnly };
  if (mode === 'datetime') {
    return (
      <input
        type="datetime-local"
        {...common}
        value={isoToLocalInput(p.value)}
        onChange={(e) => p.onChange(localInputToIso(e.target.value))}
      />
    );
  }
  return (
    <input
      type={mode}
      {...common}
      value={asText(p.value)}
      onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
    />
  );
}

export const dateWidget: WidgetSpec<DateField> = { component: DateWidget };
