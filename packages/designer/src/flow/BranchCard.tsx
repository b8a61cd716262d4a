import { type ConditionNode, localize, type ParallelNode } from '@gongfang/schema';
import { deleteFlowBranch, moveFlowBranch } from '../store/flowCommands.ts';
import type { AnyBranch } from '../store/workflow.ts';
import { useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { useFlowT } from './messages.ts';
import { useFlowProblems } from './useFlow.ts';

interface Props {
  owner: ConditionNode | ParallelNode;
  branch: AnyBranch;
  index: number | 'default';
  count: number;
}

/** The head of one branch: name, priority and condition, move earlier/later, delete. */
export function BranchCard({ owner, branch, index, count }: Props) {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const selected = useDesignerState((s) => s.ui.flowSelection === branch.id);
  const problems = useFlowProblems().get(branch.id) ?? [];
  const name = localize(branch.name, lang) || t('kind_branch');
  const when = 'when' in branch ? branch.when : undefined;
  const isDefault = index === 'default';
  const body = owner.type === 'parallel' ? '' : isDefault ? t('defaultBranch') : when?.trim() ? when : t('noCondition');
  return (
    <div
      className={`fz-node is-branch${isDefault ? ' is-default' : ''}${selected ? ' is-selected' : ''}${problems.length ? ' is-invalid' : ''}`}
    >
      <button
        type="button"
        className="fz-node-main"
        aria-pressed={selected}
        aria-label={`${t('kind_branch')}: ${name}`}
        onClick={() => designer.setUi({ flowSelection: branch.id })}
      >
        <span className="fz-node-head">
          {name}
          {owner.type === 'condition' && !isDefault ? (
            <span className="fz-priority">{t('priority', { n: (index as number) + 1 })}</span>
          ) : null}
        </span>
        {body ? <span className={`fz-node-body${when !== undefined ? ' fz-mono' : ''}`}>{body}</span> : null}
        {problems.length ? (
          <span className="fz-node-problem" role="img" aria-label={t('hasProblems', { n: problems.length })}>
            ! {problems[0]!.message[lang]}
          </span>
        ) : null}
      </button>
      {isDefault ? null : (
        <span className="fz-branch-tools">
          <button
            type="button"
            aria-label={t('moveLeft', { name })}
            disabled={index === 0}
            onClick={() => moveFlowBranch(designer, branch.id, -1)}
          >
            ‹
          </button>
          <button
            type="button"
            aria-label={t('moveRight', { name })}
            disabled={index === count - 1}
            onClick={() => moveFlowBranch(designer, branch.id, 1)}
          >
            ›
          </button>
          <button
            type="button"
            aria-label={t('deleteStep', { name })}
            onClick={() => deleteFlowBranch(designer, branch.id)}
          >
            ×
          </button>
        </span>
      )}
    </div>
  );
}
