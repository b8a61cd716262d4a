import type { ColumnField, FieldError } from '@gongfang/schema';
import { type ComponentType, memo } from 'react';
import { useRuntime } from '../RuntimeContext.tsx';
import type { CellPlace, ValueField, WidgetProps, WidgetSpec } from '../widgets/types.ts';
import { RequiredMark } from './RequiredMark.tsx';

export interface FieldSlotProps {
  spec: WidgetSpec | undefined;
  field: ValueField | ColumnField;
  /** DOM id of the control. */
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onTouch: () => void;
  required: boolean;
  errors: readonly FieldError[];
  cell?: CellPlace;
}

/**
 * The field template: label with its required mark, the widget, help and errors. The widget gets
 * `aria-describedby` pointing at the help and error texts, and `aria-invalid` while errors show.
 */
export const FieldSlot = memo(function FieldSlot({
  spec,
  field,
  id,
  value,
  onChange,
  onTouch,
  required,
  errors,
  cell,
}: FieldSlotProps) {
  const { t, text, lang } = useRuntime();
  const label = text(field.label);
  const labelId = `${id}-label`;
  // In a sub-table the help shows under the first row only, not repeated down the table.
  const showHelp = field.help !== undefined && (!cell || cell.index === 0);
  const helpId = showHelp ? `${id}-help` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const readOnly = 'readOnly' in field && field.readOnly === true;
  const span = !cell && field.colSpan ? field.colSpan : undefined;
  const className = `gf-field${cell ? ' gf-cell' : ''}${span ? ` gf-span-${span}` : ''}${field.type === 'subtable' ? ' gf-field-wide' : ''}`;

  if (!spec) {
    return (
      <div className={className} role="note">
        {t('unknownField', { type: field.type })}
      </div>
    );
  }
  const Widget = spec.component as ComponentType<WidgetProps<ValueField | ColumnField>>;
  const group = typeof spec.group === 'function' ? spec.group(field as never) : spec.group === true;
  const LabelTag = group ? 'span' : 'label';
  const widget = (
    <Widget
      field={field}
      id={id}
      labelId={labelId}
      label={label}
      value={value}
      onChange={onChange}
      describedBy={describedBy}
      invalid={errors.length > 0}
      required={required}
      readOnly={readOnly}
      {...(cell ? { cell } : {})}
    />
  );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus leaving any part of the widget marks the field touched
    <div className={className} data-field={field.id} data-invalid={errors.length > 0 || undefined} onBlur={onTouch}>
      {spec.ownFrame ? null : (
        <div className="gf-label-row">
          <LabelTag className="gf-label" id={labelId} {...(group ? {} : { htmlFor: id })}>
            {label}
            {cell ? <span className="gf-sr"> {t('rowN', { n: cell.index + 1 })}</span> : null}
            {required ? <RequiredMark label={t('required')} /> : null}
          </LabelTag>
        </div>
      )}
      {widget}
      {showHelp ? (
        <p className="gf-help" id={helpId}>
          {text(field.help)}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div className="gf-error" id={errorId} role="alert">
          {errors.map((e) => (
            <p key={`${e.code}:${e.pointer}:${e.message.en}`}>{e.message[lang]}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
});
