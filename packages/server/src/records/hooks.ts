import type { AppDefinition, Form, RecordEnvelope } from '@gongfang/schema';
import type { FlowEvent } from '@gongfang/workflow';
import type { Tx } from '../db/Db.ts';
import type { Person } from './access.ts';

/**
 * Extension points of the accept transaction. The ledger module (postings, guards) and the
 * notification module (webhooks, inbox) register here; sync calls every hook INSIDE the
 * transaction that accepts the mutation, so what they write commits or rolls back with it.
 * A hook that throws rolls the mutation back (it is answered `server-error` and retried later);
 * a hook must not do slow I/O here (queue webhooks in a table, deliver them afterwards).
 */
export interface AcceptEvent {
  tx: Tx;
  orgId: string;
  app: AppDefinition;
  form: Form;
  /** The record as accepted (data with formulas recomputed by the server). */
  record: RecordEnvelope;
  /** `submit`: revision 1 was accepted; `edited`: a later revision was. */
  event: 'submit' | 'edited';
  /** The previous revision's data, for `edited`. */
  before?: Record<string, unknown>;
  actor: Person;
}

export interface WorkflowEvent {
  tx: Tx;
  orgId: string;
  app: AppDefinition;
  form: Form;
  record: RecordEnvelope;
  /**
   * What happened to the flow: `approved` / `rejected` when it completed with that outcome,
   * `returned`, `withdrawn`, `resubmitted`, or `progressed` (tasks opened/closed, comments).
   */
  event: 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'resubmitted' | 'progressed';
  /** Everything the state machine reported for this transition. */
  flowEvents: readonly FlowEvent[];
  actor: Person;
}

/** What a hook may report back: ledger guard failures, kept in the record's audit entry. */
export interface HookReport {
  guardFailures?: readonly unknown[];
}

export type AfterAccept = (event: AcceptEvent) => Promise<HookReport | undefined>;
export type AfterWorkflowEvent = (event: WorkflowEvent) => Promise<HookReport | undefined>;

const afterAcceptHooks: AfterAccept[] = [];
const afterWorkflowHooks: AfterWorkflowEvent[] = [];

/** Registers a hook run after each accepted create or update; returns a function removing it. */
export function onAfterAccept(hook: AfterAccept): () => void {
  afterAcceptHooks.push(hook);
  return () => {
    const i = afterAcceptHooks.indexOf(hook);
    if (i >= 0) afterAcceptHooks.splice(i, 1);
  };
}

/** Registers a hook run after each workflow transition; returns a function removing it. */
export function onAfterWorkflowEvent(hook: AfterWorkflowEvent): () => void {
  afterWorkflowHooks.push(hook);
  return () => {
    const i = afterWorkflowHooks.indexOf(hook);
    if (i >= 0) afterWorkflowHooks.splice(i, 1);
  };
}

async function runAll<E>(hooks: readonly ((e: E) => Promise<HookReport | undefined>)[], event: E): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (const hook of hooks) {
    const report = await hook(event);
    if (report?.guardFailures) failures.push(...report.guardFailures);
  }
  return failures;
}

/** Runs the afterAccept hooks in registration order; returns the guard failures they report. */
export function afterAccept(event: AcceptEvent): Promise<unknown[]> {
  return runAll(afterAcceptHooks, event);
}

/** Runs the afterWorkflowEvent hooks in registration order; returns the guard failures they report. */
export function afterWorkflowEvent(event: WorkflowEvent): Promise<unknown[]> {
  return runAll(afterWorkflowHooks, event);
}

/** The hook event a transition stands for. */
export function workflowEventOf(events: readonly FlowEvent[]): WorkflowEvent['event'] {
  for (const e of events) {
    if (e.type === 'completed') return e.outcome;
    if (e.type === 'returned') return 'returned';
    if (e.type === 'withdrawn') return 'withdrawn';
  }
  return 'progressed';
}
