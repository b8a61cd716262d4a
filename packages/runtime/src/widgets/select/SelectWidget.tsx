import type { SelectField } from '@gongfang/schema';
import { useRuntime } from '../../RuntimeContext.tsx';
import { OptionGroup } from '../checkbox/OptionGroup.tsx';
import { asList, asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { useOptions } from './useOptions.ts';

/** A native select (the tablet's own big picker); several values as a group of toggles. */
function SelectWidget(p: WidgetProps<SelectField>) {
  const { t, text } = useRuntime();
  const { options, loading } = useOptions(p.field);
  if (p.field.multiple) {
    return <OptionGroup {...p} kind="checkbox" options={options} selected={asList(p.value)} />;
  }
  const value = asText(p.value);
  return (
    <select
      className="gf-input gf-select"
      {...controlAria(p)}
      value={value}
      disabled={p.readOnly}
      onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{loading ? t('loading') : text(p.field.placeholder) || t('choose')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}

export const selectWidget: WidgetSpec<SelectField> = { component: SelectWidget, group: (f) => f.multiple === true };
