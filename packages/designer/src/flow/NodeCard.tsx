import { localize, type WorkflowNode } from '@gongfang/schema';
import { deleteFlowNode } from '../store/flowCommands.ts';
import { useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { useFlowT } from './messages.ts';
import { nodeSummary } from './summary.ts';
import { useFlowProblems } from './useFlow.ts';
import { useRoleChoices } from './useRoleChoices.ts';

/** An approver, CC or end step: its name, who it goes to, its problems, a delete button. */
export function NodeCard({ node }: { node: WorkflowNode }) {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const roles = useRoleChoices();
  const selected = useDesignerState((s) => s.ui.flowSelection === node.id);
  const problems = useFlowProblems().get(node.id) ?? [];
  const name = localize(node.name, lang) || t(`kind_${node.type}`);
  return (
    <div
      className={`fz-node is-${node.type}${selected ? ' is-selected' : ''}${problems.length ? ' is-invalid' : ''}`}
      data-node={node.id}
    >
      <button
        type="button"
        className="fz-node-main"
        aria-pressed={selected}
        aria-label={`${t(`kind_${node.type}`)}: ${name}`}
        onClick={() => designer.setUi({ flowSelection: node.id })}
      >
        <span className="fz-node-head">{name}</span>
        <span className="fz-node-body">{nodeSummary(node, roles, lang)}</span>
        {problems.length ? (
          <span className="fz-node-problem" role="img" aria-label={t('hasProblems', { n: problems.length })}>
            ! {problems[0]!.message[lang]}
          </span>
        ) : null}
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
  );
}
