import { type ConditionNode, localize, type ParallelNode } from '@gongfang/schema';
import { addFlowBranch, deleteFlowNode } from '../store/flowCommands.ts';
import type { AnyBranch } from '../store/workflow.ts';
import { useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { BranchCard } from './BranchCard.tsx';
import { useFlowT } from './messages.ts';
import { NodeList } from './NodeList.tsx';

/** Condition or parallel branches side by side, each with its own steps, joining below. */
export function BranchBlock({ node }: { node: ConditionNode | ParallelNode }) {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const selected = useDesignerState((s) => s.ui.flowSelection === node.id);
  const name = localize(node.name, lang) || t(`kind_${node.type}`);
  const branches: { branch: AnyBranch; index: number | 'default' }[] = node.branches.map((branch, index) => ({
    branch,
    index,
  }));
  if (node.type === 'condition') branches.push({ branch: node.default, index: 'default' });
  return (
    <section className={`fz-branches is-${node.type}`} aria-label={`${t(`kind_${node.type}`)}: ${name}`}>
      <div className={`fz-branches-head${selected ? ' is-selected' : ''}`}>
        <button
          type="button"
          className="fz-chip"
          aria-pressed={selected}
          onClick={() => designer.setUi({ flowSelection: node.id })}
        >
          {name}
        </button>
        <button type="button" className="fz-chip is-add" onClick={() => addFlowBranch(designer, node.id)}>
          + {node.type === 'condition' ? t('addCondition') : t('addBranch')}
        </button>
        <button
          type="button"
          className="fz-x"
          aria-label={t('deleteStep', { name })}
          onClick={() => deleteFlowNode(designer, node.id)}
        >
          ×
        </button>
      </div>
      <div className="fz-lanes">
        {branches.map(({ branch, index }) => (
          <div key={branch.id} className="fz-lane">
            <BranchCard owner={node} branch={branch} index={index} count={node.branches.length} />
            <NodeList listId={branch.id} nodes={branch.nodes} />
          </div>
        ))}
      </div>
    </section>
  );
}
