import type { TextField } from '@gongfang/schema';
import { useRuntime } from '../../RuntimeContext.tsx';
import { asText, controlAria } from '../common.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { Counter } from './Counter.tsx';

function TextWidget(p: WidgetProps<TextField>) {
  const { text } = useRuntime();
  const value = asText(p.value);
  const max = p.field.maxLength ?? 200;
  return (
    <div className="gf-control-row">
      <input
        type="text"
        className="gf-input"
        {...controlAria(p)}
        value={value}
        readOnly={p.readOnly}
        maxLength={max}
        placeholder={text(p.field.placeholder) || undefined}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {/* Short fields show the count only near the limit: a counter under every box is noise. */}
      {p.field.maxLength !== undefined && !p.readOnly && value.length >= max * 0.8 ? (
        <Counter count={value.length} max={max} />
      ) : null}
    </div>
  );
}

export const textWidget: WidgetSpec<TextField> = { component: TextWidget };
