import type { CheckboxField } from '@gongfang/schema';
import { asList } from '../common.ts';
import { useOptions } from '../select/useOptions.ts';
import type { WidgetProps, WidgetSpec } from '../types.ts';
import { OptionGroup } from './OptionGroup.tsx';

function CheckboxWidget(p: WidgetProps<CheckboxField>) {
  const { options } = useOptions(p.field);
  return <OptionGroup {...p} kind="checkbox" options={options} selected={asList(p.value)} />;
}

export const checkboxWidget: WidgetSpec<CheckboxField> = { component: CheckboxWidget, group: true };
