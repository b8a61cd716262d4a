import type { ShownOption } from '../select/useOptions.ts';
import type { WidgetProps } from '../types.ts';

export interface OptionGroupProps
  extends Pick<WidgetProps, 'id' | 'labelId' | 'describedBy' | 'invalid' | 'required' | 'readOnly'> {
  kind: 'radio' | 'checkbox';
  options: readonly ShownOption[];
  selected: readonly string[];
  onChange: (value: unknown) => void;
}

/**
 * Big segmented buttons built on real radio/checkbox inputs (so keyboards, screen readers and
 * tests see radios and checkboxes). An option's `color` tints it when chosen (green OK, red NG).
 */
export function OptionGroup(p: OptionGroupProps) {
  const toggle = (value: string, checked: boolean) => {
    if (p.kind === 'radio') p.onChange(value);
    else p.onChange(checked ? [...p.selected, value] : p.selected.filter((v) => v !== value));
  };
  const aria = {
    'aria-labelledby': p.labelId,
    'aria-describedby': p.describedBy,
    'aria-invalid': p.invalid || undefined,
  };
  const className = `gf-options gf-options-${p.kind}`;
  const items = p.options.map((o, i) => {
    const checked = p.selected.includes(o.value);
    return (
      <label key={o.value} className="gf-option" data-color={o.color ?? 'default'} data-checked={checked || undefined}>
        <input
          type={p.kind}
          className="gf-option-input"
          id={i === 0 ? p.id : `${p.id}-${i}`}
          name={p.id}
          value={o.value}
          checked={checked}
          disabled={p.readOnly}
          onChange={(e) => toggle(o.value, e.target.checked)}
        />
        <span className="gf-option-mark" aria-hidden="true" />
        <span className="gf-option-text">{o.label}</span>
      </label>
    );
  });
  return p.kind === 'radio' ? (
    <div role="radiogroup" className={className} {...aria} aria-required={p.required || undefined}>
      {items}
    </div>
  ) : (
    <fieldset className={className} {...aria}>
      {items}
    </fieldset>
  );
}
