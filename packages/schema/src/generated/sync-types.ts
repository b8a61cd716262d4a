/* Generated from schemas/*.schema.json by packages/schema/scripts/gen-types.ts. Do not edit: run `pnpm gen`. */
import type { RecordEnvelope } from './types.ts';
/**
 * A UUID made on the device (v7 for records and mutations).
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Uuid".
 */
export type Uuid = string
/**
 * An ISO 8601 time with offset.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Timestamp".
 */
export type Timestamp = string
/**
 * One change in a device's outbox.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Mutation".
 */
export type Mutation = (CreateMutation | UpdateMutation | ActionMutation)

/**
 * What a device and the server exchange. A device keeps an outbox of mutations, each with its own id, and pushes them in batches (`POST /api/sync/push`); the server applies each at most once and answers each one. A device pulls what changed since its cursor (`GET /api/sync/pull?cursor=`). Attachments (photos, signatures, files) upload separately, content-addressed by their SHA-256, before the mutations that name them.
 */
export interface SyncProtocol {
[k: string]: unknown | undefined
}
/**
 * A message of Gongfang itself in both UI languages.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Message".
 */
export interface Message {
"zh-CN": string
en: string
}
/**
 * Submit a new record (revision 1). The server validates `record.data` against the form of the definition version the record names, never trusting the device.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "CreateMutation".
 */
export interface CreateMutation {
/**
 * Mutation id: a retry of the same mutation is answered with the first answer and changes nothing.
 */
id: string
kind: "create"
record: RecordEnvelope
/**
 * User who made the change on the device, when it is not the signed-in user of the pushing session (a shared tablet pushes the work of every operator who used it). The server accepts it only from an enrolled device on which that user has signed in; otherwise the mutation is rejected with `forbidden`.
 */
actor?: string
}
/**
 * Edit a submitted record. `baseRevision` is the revision the edit was made on; if the server has a newer one, the answer is a conflict and both versions are kept.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "UpdateMutation".
 */
export interface UpdateMutation {
/**
 * Mutation id.
 */
id: string
kind: "update"
/**
 * Revision the edit started from.
 */
baseRevision: number
record: RecordEnvelope
/**
 * User who made the change on the device, when it is not the signed-in user of the pushing session (a shared tablet pushes the work of every operator who used it). The server accepts it only from an enrolled device on which that user has signed in; otherwise the mutation is rejected with `forbidden`.
 */
actor?: string
}
/**
 * A workflow action taken on the device (approve, reject, return, comment, resubmit, withdraw). The server checks the actor is a current assignee (or the initiator, for resubmit and withdraw).
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "ActionMutation".
 */
export interface ActionMutation {
/**
 * Mutation id.
 */
id: string
kind: "action"
/**
 * The record acted on.
 */
recordId: string
action: ("approve" | "reject" | "return" | "comment" | "resubmit" | "withdraw")
/**
 * The task acted on (approve, reject, return).
 */
taskId?: string
/**
 * Comment or reason.
 */
comment?: string
/**
 * SHA-256 of an uploaded signature image, where the node asks for one.
 */
signature?: string
/**
 * When the user acted, on the device.
 */
at: string
/**
 * User who made the change on the device, when it is not the signed-in user of the pushing session (a shared tablet pushes the work of every operator who used it). The server accepts it only from an enrolled device on which that user has signed in; otherwise the mutation is rejected with `forbidden`.
 */
actor?: string
}
/**
 * Body of `POST /api/sync/push`.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "PushRequest".
 */
export interface PushRequest {
/**
 * The pushing device.
 */
deviceId: string
/**
 * Mutations in outbox order. Each is applied (or refused) on its own: one bad record never blocks the others.
 * 
 * @minItems 1
 * @maxItems 200
 */
mutations: [Mutation, ...(Mutation)[]]
}
/**
 * One problem with a field of a refused record.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "FieldProblem".
 */
export interface FieldProblem {
/**
 * JSON pointer into `record.data`, e.g. `/lines/2/qty`.
 */
pointer: string
/**
 * Field path, e.g. `lines.qty`.
 */
field?: string
code: string
message: Message
}
/**
 * The server's answer to one mutation. `accepted`: applied (or had already been applied). `rejected`: refused for a reason the user must see (the device keeps the record and shows it). `conflict`: the record changed on the server since `baseRevision`; the server kept both versions (`conflictCopy` holds the refused one) and the user chooses.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "MutationResult".
 */
export interface MutationResult {
/**
 * The mutation id.
 */
id: string
status: ("accepted" | "rejected" | "conflict")
recordId?: Uuid
/**
 * The record's revision on the server after this mutation (accepted), or its current revision (conflict).
 */
revision?: number
/**
 * The server's change sequence of this change.
 */
seq?: number
/**
 * Why it was refused, e.g. `invalid-record`, `unknown-version`, `forbidden`, `not-assignee`, `stale-revision`, `ledger-guard`.
 */
code?: string
message?: Message
/**
 * Field problems of a refused record.
 */
problems?: FieldProblem[]
/**
 * A UUID made on the device (v7 for records and mutations).
 */
conflictCopy?: string
server?: RecordEnvelope
workflow?: WorkflowState
}
/**
 * The record's workflow state after the mutation (accepted).
 */
export interface WorkflowState {
/**
 * `none`: the form has no workflow; `running`: waiting for approvers; `returned`: back with the initiator for changes.
 */
status: ("none" | "running" | "approved" | "rejected" | "returned" | "withdrawn")
/**
 * Open tasks of the record.
 */
tasks?: Task[]
/**
 * The record's workflow history (who did what, when, at which node, with which comment), oldest first.
 */
history?: {
[k: string]: unknown | undefined
}[]
}
/**
 * A workflow task: an approver step waiting for one person.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Task".
 */
export interface Task {
/**
 * Task id, as named by an action mutation's `taskId`.
 */
id: string
/**
 * A UUID made on the device (v7 for records and mutations).
 */
recordId: string
/**
 * App id.
 */
app: string
/**
 * Form id.
 */
form: string
/**
 * Workflow node id.
 */
node: string
nodeName?: LocalizedName
/**
 * User the task is for.
 */
assignee: string
/**
 * Task state.
 */
status: ("open" | "approved" | "rejected" | "returned" | "cancelled")
/**
 * Approving needs a signature.
 */
signature?: boolean
/**
 * When the task was opened.
 */
createdAt: string
}
/**
 * Step name.
 */
export interface LocalizedName {
/**
 * Simplified Chinese.
 */
"zh-CN"?: string
/**
 * English.
 */
en?: string
}
/**
 * Answer of `POST /api/sync/push`: one result per mutation, in the same order.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "PushResponse".
 */
export interface PushResponse {
results: MutationResult[]
}
/**
 * One change a device pulls, oldest first: a published app version (`data`: AppChange), a record with its workflow state (RecordChange), a task of the user (TaskChange), or a ledger balance (BalanceChange).
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "Change".
 */
export interface Change {
/**
 * The server's change sequence.
 */
seq: number
type: ("app" | "record" | "task" | "balance")
/**
 * The app definition version, record, task or balance row.
 */
data: {

}
}
/**
 * Answer of `GET /api/sync/pull?cursor=&limit=`: what the user may see that changed after the cursor, oldest first.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "PullResponse".
 */
export interface PullResponse {
changes: Change[]
/**
 * Opaque cursor to pass next time.
 */
cursor: string
/**
 * More changes are waiting: pull again at once.
 */
more: boolean
}
/**
 * `data` of an `app` change: a published version of an app the user may use.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "AppChange".
 */
export interface AppChange {
/**
 * App id.
 */
app: string
/**
 * Published version.
 */
version: number
/**
 * The app definition of that version (schemas/app.schema.json).
 */
definition: {
[k: string]: unknown | undefined
}
/**
 * When it was published.
 */
publishedAt: string
}
/**
 * `data` of a `record` change: a record the user may see, as the server holds it.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "RecordChange".
 */
export interface RecordChange {
record: RecordEnvelope
/**
 * The server's change sequence of this revision.
 */
seq: number
workflow?: WorkflowState
/**
 * A UUID made on the device (v7 for records and mutations).
 */
conflictOf?: string
/**
 * The user may no longer see the record: drop it from the device.
 */
deleted?: boolean
}
/**
 * `data` of a `task` change: a task of the user was opened or closed.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "TaskChange".
 */
export interface TaskChange {
task: Task
}
/**
 * `data` of a `balance` change: a ledger balance the device uses for guard checks.
 * 
 * This interface was referenced by `SyncProtocol`'s JSON-Schema
 * via the `definition` "BalanceChange".
 */
export interface BalanceChange {
/**
 * App id.
 */
app: string
/**
 * Ledger id.
 */
ledger: string
/**
 * Key values, e.g. `{"item": "ITM-00012", "location": "A-03"}`.
 */
key: {
[k: string]: string | undefined
}
/**
 * Balance per measure.
 */
measures: {
[k: string]: number | undefined
}
}
