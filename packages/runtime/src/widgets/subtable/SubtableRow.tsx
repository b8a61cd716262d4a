import type { SubtableField } from '@gongfang/schema';
import { type CSSProperties, memo } from 'react';
import { useRowState } from '../../engine/useFormEngine.ts';
import { useFormContext } from '../../form/FormContext.ts';
import { useRuntime } from '../../RuntimeContext.tsx';
import { SubtableCell } from './SubtableCell.tsx';

export interface SubtableRowProps {
  field: SubtableField;
  rowId: string;
  index: number;
  count: number;
  readOnly: boolean;
  /** Lets the virtualizer measure the row's real height. */
  measureRef?: (el: HTMLElement | null) => void;
  style?: CSSProperties;
}

/** A row as a card: its number, move up/down and remove (44 px buttons), then its cells on a grid. */
export const SubtableRow = memo(function SubtableRow({
  field,
  rowId,
  index,
  count,
  readOnly,
  measureRef,
  style,
}: SubtableRowProps) {
  const { engine } = useFormContext();
  const { t } = useRuntime();
  const row = useRowState(engine, field.id, rowId);
  if (!row) return null;
  const n = index + 1;
  return (
    <li className="gf-row" ref={measureRef} style={style} data-index={index} aria-label={t('rowN', { n })}>
      <div className="gf-row-head">
        <span className="gf-row-number" aria-hidden="true">
          {n}
        </span>
        {readOnly ? null : (
          <div className="gf-row-actions">
            <button
              type="button"
              className="gf-icon-button"
              aria-label={t('moveUp', { n })}
              disabled={index === 0}
              onClick={() => engine.moveRow(field.id, index, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="gf-icon-button"
              aria-label={t('moveDown', { n })}
              disabled={index === count - 1}
              onClick={() => engine.moveRow(field.id, index, index + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="gf-icon-button gf-danger"
              aria-label={t('removeRow', { n })}
              onClick={() => engine.removeRow(field.id, rowId)}
            >
              ×
            </button>
          </div>
        )}
      </div>
      <div className="gf-row-cells">
        {field.fields.map((c) => (
          <SubtableCell key={c.id} subtable={field.id} column={c} row={row} index={index} />
        ))}
      </div>
    </li>
  );
});
