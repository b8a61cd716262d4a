// The public API of @gongfang/workflow. Every export is named here (no `export *`).

export { applyAction } from './actions.ts';
export { FLOW_ERROR_MESSAGES } from './errors.ts';
export type { ExpressionConditionOptions } from './expressionConditions.ts';
export { expressionConditions } from './expressionConditions.ts';
export type { ExpectedStep } from './preview.ts';
export { expectedNextSteps } from './preview.ts';
export { isFinished, noticesOf, openTasks, openTasksOf } from './queries.ts';
export { startFlow } from './start.ts';
export type {
  Action,
  ActiveApprover,
  ActiveCondition,
  ActiveNode,
  ActiveParallel,
  ApprovalMode,
  ConditionEnv,
  ConditionEvaluator,
  ConditionResult,
  Cursor,
  Directory,
  FlowContext,
  FlowError,
  FlowErrorCode,
  FlowEvent,
  FlowInstance,
  FlowResult,
  FlowStatus,
  HistoryEntry,
  HistoryKind,
  Notice,
  Outcome,
  Task,
  TaskStatus,
} from './types.ts';
