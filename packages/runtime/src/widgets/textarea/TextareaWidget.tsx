import type { TextareaField } from '@gongfang/schema';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asText, controlAria } from '../common.ts';
import { Counter } from '../text/Counter.tsx';
import type { WidgetProps, WidgetSpec } from '../types.ts';

function TextareaWidget(p: WidgetProps<TextareaField>) {
  const { text } = useRuntime();
  const value = asText(p.value);
  const max = p.field.maxLength ?? 2000;
  return (
    <div className="gf-control-col">
      <textarea
        className="gf-input gf-textarea"
        {...controlAria(p)}
        rows={p.field.rows ?? 3}
        value={value}
        readOnly={p.readOnly}
        maxLength={max}
        placeholder={text(p.field.placeholder) || undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.field.maxLength !== undefined && !p.readOnly ? <Counter count={value.length} max={max} /> : null}
    </div>
  );
}

export const textareaWidget: WidgetSpec<TextareaField> = { component: TextareaWidget };
