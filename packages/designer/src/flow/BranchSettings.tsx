import { setFlowName } from '../store/flowCommands.ts';
import type { BranchAt } from '../store/workflow.ts';
import { useDesigner } from '../ui/DesignerContext.tsx';
import { LocalizedProp } from '../ui/props/controls.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { useFlowT } from './messages.ts';

/** A branch: its name and, for a condition branch other than the default, its condition. */
export function BranchSettings({ at }: { at: BranchAt }) {
  const t = useFlowT();
  const designer = useDesigner();
  const { branch } = at;
  return (
    <div className="fz-panel dz-props-body">
      <h2 className="fz-panel-title">{t('kind_branch')}</h2>
      <LocalizedProp
        label={t('name')}
        value={branch.name}
        onChange={(l, text) => setFlowName(designer, branch.id, l, text, branch.name)}
      />
      {'when' in branch ? <ConditionEditor branchId={branch.id} when={branch.when} /> : null}
      {at.index === 'default' ? <p className="dz-hint">{t('defaultBranch')}</p> : null}
    </div>
  );
}
