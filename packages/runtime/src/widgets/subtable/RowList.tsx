import type { RowState, SubtableField } from '@gongfang/schema';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useFormContext } from '../../form/FormContext.ts';
import { SubtableRow } from './SubtableRow.tsx';

/** Up to this many rows are simply rendered; longer tables draw only the rows in view. */
export const VIRTUALIZE_AFTER = 30;

export function RowList({
  field,
  rows,
  readOnly,
}: {
  field: SubtableField;
  rows: readonly RowState[];
  readOnly: boolean;
}) {
  if (rows.length <= VIRTUALIZE_AFTER) {
    return (
      <ol className="gf-rows">
        {rows.map((r, i) => (
          <SubtableRow key={r.id} field={field} rowId={r.id} index={i} count={rows.length} readOnly={readOnly} />
        ))}
      </ol>
    );
  }
  return <VirtualRows field={field} rows={rows} readOnly={readOnly} />;
}

function VirtualRows({
  field,
  rows,
  readOnly,
}: {
  field: SubtableField;
  rows: readonly RowState[];
  readOnly: boolean;
}) {
  const { registerRevealer } = useFormContext();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 190,
    overscan: 4,
    getItemKey: (i) => rows[i]?.id ?? i,
    initialRect: { width: 900, height: 600 },
  });

  // The error summary asks for a row that may not be drawn: scroll it into the drawn window first.
  useEffect(
    () =>
      registerRevealer(field.id, (key) => {
        const rowId = key.split('#')[1]?.split('/')[0];
        const index = rows.findIndex((r) => r.id === rowId);
        if (index >= 0) flushSync(() => virtual.scrollToIndex(index, { align: 'center' }));
      }),
    [registerRevealer, field.id, rows, virtual],
  );

  const items = virtual.getVirtualItems();
  return (
    <div className="gf-rows-scroll" ref={scroller}>
      <ol className="gf-rows gf-rows-virtual" style={{ height: virtual.getTotalSize() }}>
        {items.map((item) => {
          const r = rows[item.index];
          if (!r) return null;
          return (
            <SubtableRow
              key={r.id}
              field={field}
              rowId={r.id}
              index={item.index}
              count={rows.length}
              readOnly={readOnly}
              measureRef={virtual.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            />
          );
        })}
      </ol>
    </div>
  );
}
