import type { WorkflowNode } from '@gongfang/schema';
import { AddStep } from './AddStep.tsx';
import { BranchBlock } from './BranchBlock.tsx';
import { NodeCard } from './NodeCard.tsx';

/** A list of steps, top to bottom, with a "+" before each and after the last. */
export function NodeList({ listId, nodes }: { listId: string; nodes: readonly WorkflowNode[] }) {
  return (
    <div className="fz-list">
      <AddStep listId={listId} index={0} />
      {nodes.map((node, i) => (
        <div key={node.id} className="fz-item">
          {node.type === 'condition' || node.type === 'parallel' ? (
            <BranchBlock node={node} />
          ) : (
            <NodeCard node={node} />
          )}
          <AddStep listId={listId} index={i + 1} />
        </div>
      ))}
    </div>
  );
}
