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
  /** The record's workflow status as stored by this accept, when the caller knows it (saves a read). */
  status?: string;
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
/**
 * An afterAccept hook that takes several accepted records at once (a push's batch of creates, in
 * outbox order) and must have the outcome of being called once per record in that order; it
 * answers one report per event.
 */
export type AfterAcceptMany = (events: readonly AcceptEvent[]) => Promise<(HookReport | undefined)[]>;

const afterAcceptHooks: AfterAcceptMany[] = [];
const afterWorkflowHooks: AfterWorkflowEvent[] = [];

function register<T>(list: T[], hook: T): () => void {
  list.push(hook);
  return () => {
    const i = list.indexOf(hook);
    if (i >= 0) list.splice(i, 1);
  };
}

/** Registers a hook run after each accepted create or update; returns a function removing it. */
export function onAfterAccept(hook: AfterAccept): () => void {
  return register(afterAcceptHooks, async (events) => {
    const reports: (HookReport | undefined)[] = [];
    for (const event of events) reports.push(await hook(event));
    return reports;
  });
}

/** `onAfterAccept` for a hook that handles a batch in one go (fewer statements per record). */
export function onAfterAcceptMany(hook: AfterAcceptMany): () => void {
  return register(afterAcceptHooks, hook);
}

/** Registers a hook run after each workflow transition; returns a function removing it. */
export function onAfterWorkflowEvent(hook: AfterWorkflowEvent): () => void {
  return register(afterWorkflowHooks, hook);
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
export async function afterAccept(event: AcceptEvent): Promise<unknown[]> {
  return (await afterAcceptMany([event]))[0] ?? [];
}

/** `afterAccept` for several accepted records, in order; the guard failures of each. */
export async function afterAcceptMany(events: readonly AcceptEvent[]): Promise<unknown[][]> {
  const failures = events.map((): unknown[] => []);
  if (events.length === 0) return failures;
  for (const hook of afterAcceptHooks) {
    const reports = await hook(events);
    reports.forEach((report, i) => {
      if (report?.guardFailures) failures[i]?.push(...report.guardFailures);
    });
  }
  return failures;
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
