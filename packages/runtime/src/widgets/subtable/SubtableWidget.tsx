import type { SubtableField } from '@gongfang/schema';
import { useEffect, useRef } from 'react';
import { useRows } from '../../engine/useFormEngine.ts';
import { useFormContext } from '../../form/FormContext.ts';
import { RequiredMark } from '../../form/RequiredMark.tsx';
import { useRuntime } from '../../RuntimeContext.tsx';
import { controlId } from '../../validation/errorKeys.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { RowList } from './RowList.tsx';
import { rowDefaults } from './rows.ts';
import { ScanBar } from './ScanBar.tsx';
import { Totals } from './Totals.tsx';

/**
 * Line items: a title with the row count, scan-to-add, the rows (virtualized when long), an add
 * button and the totals footer. Each row subscribes to itself, so typing in a row redraws that row.
 */
function SubtableWidget(p: WidgetProps<SubtableField>) {
  const { engine, formId } = useFormContext();
  const { t } = useRuntime();
  const { field } = p;
  const rows = useRows(engine, field.id);
  const focusAfter = useRef<string | undefined>(undefined);
  const max = field.maxRows ?? 500;

  // After a row is added by hand, put the cursor in its first cell.
  useEffect(() => {
    const rowId = focusAfter.current;
    if (!rowId) return;
    focusAfter.current = undefined;
    const first = field.fields.find((c) => c.type !== 'formula');
    if (first) document.getElementById(controlId(formId, `${field.id}#${rowId}/${first.id}`))?.focus();
  });

  const add = () => {
    focusAfter.current = engine.addRow(field.id, rowDefaults(field));
  };

  return (
    <fieldset className="gf-subtable" aria-labelledby={p.labelId} aria-describedby={p.describedBy}>
      <div className="gf-subtable-head">
        <h3 className="gf-subtable-title" id={p.labelId}>
          {p.label}
          {p.required ? <RequiredMark label={t('required')} /> : null}
        </h3>
        <span className="gf-muted" id={p.id} tabIndex={-1}>
          {t('rowCount', { count: rows.length })}
        </span>
      </div>
      {field.scan && !p.readOnly ? <ScanBar field={field} label={p.label} onScanned={() => undefined} /> : null}
      {rows.length === 0 ? (
        <p className="gf-empty">{t(field.scan ? 'noRowsScan' : 'noRows')}</p>
      ) : (
        <RowList field={field} rows={rows} readOnly={p.readOnly} />
      )}
      {p.readOnly || rows.length >= max ? null : (
        <button type="button" className="gf-button gf-add-row" onClick={add}>
          <span aria-hidden="true">+</span>
          {t('addRow')}
        </button>
      )}
      <Totals field={field} />
    </fieldset>
  );
}

export const subtableWidget: WidgetSpec<SubtableField> = { component: SubtableWidget, group: true, ownFrame: true };
