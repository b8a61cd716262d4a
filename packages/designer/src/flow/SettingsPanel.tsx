import type { Workflow } from '@gongfang/schema';
import { setWorkflowProp } from '../store/flowCommands.ts';
import { findBranch, findNode } from '../store/workflow.ts';
import { useDesigner, useDesignerState } from '../ui/DesignerContext.tsx';
import { ChoiceProp, Group } from '../ui/props/controls.tsx';
import { BranchSettings } from './BranchSettings.tsx';
import { useFlowT } from './messages.ts';
import { NodeSettings } from './NodeSettings.tsx';
import { StartSettings } from './StartSettings.tsx';
import { useWorkflow } from './useFlow.ts';

/** What the side panel shows: the selected step's settings, else the flow's own. */
export function SettingsPanel() {
  const selection = useDesignerState((s) => s.ui.flowSelection);
  const wf = useWorkflow();
  if (selection === '$start') return <StartSettings />;
  const node = selection ? findNode(wf, selection) : undefined;
  if (node) return <NodeSettings key={node.node.id} node={node.node} />;
  const branch = selection ? findBranch(wf, selection) : undefined;
  if (branch) return <BranchSettings key={branch.branch.id} at={branch} />;
  return <WorkflowSettings wf={wf} />;
}

function WorkflowSettings({ wf }: { wf: Workflow | undefined }) {
  const t = useFlowT();
  const designer = useDesigner();
  return (
    <div className="fz-panel dz-props-body">
      <Group title={t('flowSettings')}>
        <p className="dz-hint">{t('flowHint')}</p>
        <ChoiceProp
          label={t('onResubmit')}
          value={wf?.onResubmit ?? 'restart'}
          choices={[
            { value: 'restart', label: t('resubmit_restart') },
            { value: 'skipApproved', label: t('resubmit_skipApproved') },
          ]}
          onChange={(v) => setWorkflowProp(designer, 'onResubmit', v === 'restart' ? undefined : v)}
        />
      </Group>
    </div>
  );
}
