import type { Workflow } from '@gongfang/schema';
import { useMemo } from 'react';
import type { Problem } from '../store/problems.ts';
import { formOf, useDesignerState } from '../ui/DesignerContext.tsx';

export function useWorkflow(): Workflow | undefined {
  return useDesignerState((s) => formOf(s).workflow);
}

/** Problems of the open form's flow by the node or branch at fault. */
export function useFlowProblems(): Map<string, Problem[]> {
  const problems = useDesignerState((s) => s.problems);
  const formIndex = useDesignerState((s) => s.ui.formIndex);
  return useMemo(() => {
    const out = new Map<string, Problem[]>();
    for (const p of problems) {
      if (p.tab !== 'flow' || p.formIndex !== formIndex || !p.nodeId) continue;
      out.set(p.nodeId, [...(out.get(p.nodeId) ?? []), p]);
    }
    return out;
  }, [problems, formIndex]);
}
