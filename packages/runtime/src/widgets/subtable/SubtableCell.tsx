import type { ColumnField, RowState } from '@gongfang/schema';
import { memo, useCallback } from 'react';
import { FieldSlot } from '../../form/FieldSlot.tsx';
import { useFormContext, useShownErrors } from '../../form/FormContext.ts';
import { cellKey, controlId } from '../../validation/errorKeys.ts';
import type { WidgetSpec } from '../types.ts';

/** One cell: the column's widget with the row's value, requirement and errors. */
export const SubtableCell = memo(function SubtableCell({
  subtable,
  column,
  row,
  index,
}: {
  subtable: string;
  column: ColumnField;
  row: RowState;
  index: number;
}) {
  const { engine, errors, widgets, formId, touch } = useFormContext();
  const key = cellKey(subtable, row.id, column.id);
  const shown = useShownErrors(errors, key);
  const onChange = useCallback(
    (value: unknown) => engine.setCell(subtable, row.id, column.id, value),
    [engine, subtable, row.id, column.id],
  );
  const onTouch = useCallback(() => touch(key), [touch, key]);
  if (row.visible[column.id] === false) return null;
  return (
    <FieldSlot
      spec={widgets[column.type] as WidgetSpec | undefined}
      field={column}
      id={controlId(formId, key)}
      value={row.values[column.id]}
      onChange={onChange}
      onTouch={onTouch}
      required={row.required[column.id] === true}
      errors={shown}
      cell={{ subtable, rowId: row.id, index }}
    />
  );
});
