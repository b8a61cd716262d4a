import type { Message, Workflow } from '@gongfang/schema';

/** Who holds which role and who leads whom. The server answers from its database; the tablet from its cache. */
export interface Directory {
  /** User names holding `role`, in a stable order (it is the order of a sequential approval). */
  usersWithRole(role: string): readonly string[];
  /** The lead `level` steps above `user` (1 = direct lead), if there is one. */
  leadOf(user: string, level: number): string | undefined;
}

/** What a branch condition needs besides the record: who submitted it and when (never a clock). */
export interface ConditionEnv {
  initiator: string;
  now: string;
}

export type ConditionResult = { ok: true; value: boolean } | { ok: false; error: Message };

/** Evaluates a branch condition over the record data. Errors count as FALSE and land in the history. */
export type ConditionEvaluator = (
  expression: string,
  data: Readonly<Record<string, unknown>>,
  env: ConditionEnv,
) => ConditionResult;

/** Everything a transition depends on. The same inputs always give the same result. */
export interface FlowContext {
  /** The workflow of the definition version the record is pinned to (the same one for the whole flow). */
  workflow: Workflow;
  /** The record data as it is now (it may have changed when a returned record is resubmitted). */
  data: Readonly<Record<string, unknown>>;
  directory: Directory;
  /** The time of the action, ISO 8601. */
  now: string;
  conditions: ConditionEvaluator;
}

export type ApprovalMode = 'any' | 'all' | 'sequential';
export type FlowStatus = 'running' | 'returned' | 'approved' | 'rejected' | 'withdrawn';
export type Outcome = 'approved' | 'rejected';
export type TaskStatus = 'open' | 'approved' | 'rejected' | 'returned' | 'cancelled';

/** An approval task of one user at one approver node in one round. */
export interface Task {
  /** `${round}:${nodeId}:${assignee}`: derived, so the tablet and the server name the same task alike. */
  id: string;
  round: number;
  nodeId: string;
  assignee: string;
  status: TaskStatus;
  createdAt: string;
  closedAt?: string;
  comment?: string;
  /** Attachment id of the signature given on approval. */
  signature?: string;
}

/** A CC notice (抄送): read-only, nobody waits for it. */
export interface Notice {
  id: string;
  round: number;
  nodeId: string;
  recipient: string;
  at: string;
}

export type HistoryKind =
  | 'submitted'
  | 'resubmitted'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'commented'
  | 'withdrawn'
  | 'fallback-assigned'
  | 'auto-approved'
  | 'skipped'
  | 'branch-taken'
  | 'condition-error'
  | 'cc'
  | 'ended'
  | 'completed';

/** One line of the record's approval history, as people read it. */
export interface HistoryEntry {
  at: string;
  round: number;
  kind: HistoryKind;
  actor?: string;
  nodeId?: string;
  taskId?: string;
  branchId?: string;
  comment?: string;
  signature?: string;
  outcome?: Outcome;
  users?: string[];
  note?: Message;
}

/** Where the flow stands inside one node list (the root list or a branch's list). */
export interface Cursor {
  /** `$root` or the id of the branch owning the list (`$` never starts an id, so they cannot clash). */
  list: string;
  index: number;
  /** The node at `index` while it waits; absent while the cursor is moving. */
  active?: ActiveNode;
}

export type ActiveNode = ActiveApprover | ActiveCondition | ActiveParallel;

export interface ActiveApprover {
  type: 'approver';
  nodeId: string;
  mode: ApprovalMode;
  /** Resolved once on entry, so a directory change mid-flow does not reshuffle a sequential approval. */
  assignees: string[];
  /** Index into `assignees` of the current approver (sequential mode only moves it). */
  position: number;
}

export interface ActiveCondition {
  type: 'condition';
  nodeId: string;
  branchId: string;
  cursor: Cursor;
}

export interface ActiveParallel {
  type: 'parallel';
  nodeId: string;
  /** One lane per branch; `cursor` is null once the branch has finished. */
  lanes: { branchId: string; cursor: Cursor | null }[];
}

/** The state of one record's approval flow. Plain JSON: the server stores it as is. */
export interface FlowInstance {
  format: 1;
  initiator: string;
  status: FlowStatus;
  /** 1 on submit, +1 on each resubmit. */
  round: number;
  /** Present while running. */
  cursor?: Cursor;
  tasks: Task[];
  notices: Notice[];
  history: HistoryEntry[];
  /** Approver nodes that passed in some round, for `onResubmit: 'skipApproved'`. */
  passedNodes: string[];
  startedAt: string;
  finishedAt?: string;
}

export type Action =
  | { type: 'approve'; taskId: string; actor: string; comment?: string; signature?: string }
  | { type: 'reject' | 'return'; taskId: string; actor: string; comment?: string }
  | { type: 'comment'; actor: string; comment: string }
  | { type: 'resubmit' | 'withdraw'; actor: string };

/** What happened, for the server to turn into inbox rows, webhooks and ledger postings. */
export type FlowEvent =
  | { type: 'started'; round: number; initiator: string }
  | { type: 'task-created'; task: Task }
  | { type: 'task-closed'; task: Task }
  | { type: 'cc'; round: number; nodeId: string; recipients: string[] }
  /** An approver node passed without anyone acting: nobody could approve it, or it passed in an earlier round. */
  | { type: 'auto-passed'; round: number; nodeId: string; reason: 'auto-approved' | 'skipped' }
  | { type: 'commented'; actor: string; comment: string }
  | { type: 'returned'; round: number; nodeId: string; actor: string }
  | { type: 'withdrawn'; round: number }
  | { type: 'completed'; outcome: Outcome };

export type FlowErrorCode =
  | 'definition-invalid'
  | 'definition-mismatch'
  | 'initiator-missing'
  | 'instance-invalid'
  | 'flow-finished'
  | 'flow-not-running'
  | 'flow-not-returned'
  | 'not-initiator'
  | 'already-acted'
  | 'task-not-found'
  | 'not-assignee'
  | 'task-closed'
  | 'signature-required'
  | 'comment-required'
  | 'return-not-allowed'
  | 'not-participant';

export interface FlowError {
  code: FlowErrorCode;
  message: Message;
}

export type FlowResult = { ok: true; instance: FlowInstance; events: FlowEvent[] } | { ok: false; error: FlowError };
