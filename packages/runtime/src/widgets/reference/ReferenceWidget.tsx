import type { ReferenceField } from '@gongfang/schema';
import { useEffect, useState } from 'react';
import type { RecordSummary } from '../../ports/records.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

/** Links one record of another form, listed through the records port by its `displayField`. */
function ReferenceWidget(p: WidgetProps<ReferenceField>) {
  const { t, records } = useRuntime();
  const [list, setList] = useState<readonly RecordSummary[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    records.list(p.field.form).then((r) => {
      if (live) setList(r);
    });
    return () => {
      live = false;
    };
  }, [records, p.field.form]);
  const value = asText(p.value);
  return (
    <select
      className="gf-input gf-select"
      {...controlAria(p)}
      value={value}
      disabled={p.readOnly}
      onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{list ? t('choose') : t('loading')}</option>
      {(list ?? []).map((r) => (
        <option key={r.id} value={r.id}>
          {String(r.data[p.field.displayField] ?? r.id)}
        </option>
      ))}
      {value && list && !list.some((r) => r.id === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}

export const referenceWidget: WidgetSpec<ReferenceField> = { component: ReferenceWidget };
