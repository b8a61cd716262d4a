import { localize } from '@gongfang/schema';
import { setSubmitRoles } from '../store/flowCommands.ts';
import { formOf, useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { Group } from '../ui/props/controls.tsx';
import { useFlowT } from './messages.ts';
import { useRoleChoices } from './useRoleChoices.ts';

/** The initiator: which roles may submit the form (and so start the flow). */
export function StartSettings() {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const submit = useDesignerState((s) => formOf(s).permissions.submit) ?? [];
  const choices = useRoleChoices();
  const toggle = (id: string, on: boolean) => {
    const ids = new Set(submit);
    if (on) ids.add(id);
    else ids.delete(id);
    setSubmitRoles(
      designer,
      choices.filter((r) => ids.has(r.id)),
    );
  };
  return (
    <div className="fz-panel dz-props-body">
      <Group title={t('whoMaySubmit')}>
        {choices.map((r) => (
          <label key={r.id} className="dz-prop dz-check">
            <input type="checkbox" checked={submit.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
            <span>{localize(r.name, lang)}</span>
          </label>
        ))}
      </Group>
    </div>
  );
}
