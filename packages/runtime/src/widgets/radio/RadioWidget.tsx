import type { RadioField } from '@gongfang/schema';
import { OptionGroup } from '../checkbox/OptionGroup.tsx';
import { asText } from '../common.ts';
import { useOptions } from '../select/useOptions.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';

function RadioWidget(p: WidgetProps<RadioField>) {
  const { options } = useOptions(p.field);
  const v = asText(p.value);
  return <OptionGroup {...p} kind="radio" options={options} selected={v ? [v] : []} />;
}

export const radioWidget: WidgetSpec<RadioField> = { component: RadioWidget, group: true };
