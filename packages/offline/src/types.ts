import type { AppDefinition, FieldProblem, Message, Mutation, RecordEnvelope, Task } from '@gongfang/schema';

/** Where a submitted record stands with the server. */
export type RecordStatus = 'pending' | 'synced' | 'rejected' | 'conflict';

/** Why the server refused a record: shown to the user next to it, never dropped. */
export interface Rejection {
  code: string;
  message?: Message;
  problems: FieldProblem[];
  at: number;
}

/** Both sides of a conflict. `theirs` arrives with the next pull when the push answer lacks it. */
export interface ConflictState {
  serverRevision: number;
  conflictCopy?: string;
  theirs?: RecordEnvelope;
}

/** A submitted record as the device keeps it: the envelope plus its sync state. */
export interface StoredRecord {
  id: string;
  envelope: RecordEnvelope;
  app: string;
  form: string;
  /** Definition version the record was filled with (copied from the envelope for indexing). */
  version: number;
  status: RecordStatus;
  /** Who made the latest local change: the signed-in user at the time, never re-attributed. */
  userId: string;
  /** Last revision the server acknowledged, absent until the first accepted push or pull. */
  serverRevision?: number;
  /** Server change sequence of that revision. */
  seq?: number;
  /** The server's latest version, kept apart while a local edit is unsynced. */
  server?: RecordEnvelope;
  /** Workflow state and other server-side extras pulled with the record. */
  extras?: Record<string, unknown>;
  rejection?: Rejection;
  conflict?: ConflictState;
  /** Device time of the latest local write, for "newest first" lists. */
  savedAt: number;
}

/** One mutation waiting to be pushed, in outbox order. */
export interface OutboxEntry {
  /** Auto-increment: the order in which mutations were made on this device. */
  order?: number;
  id: string;
  mutation: Mutation;
  recordId: string;
  userId: string;
  /** SHA-256 of every attachment the mutation names: uploaded before it is pushed. */
  attachments: string[];
  /** Size of the mutation as JSON, for batching by bytes. */
  bytes: number;
  createdAt: number;
}

/** Autosaved input of a record not yet submitted (or an edit not yet saved). */
export interface Draft {
  recordId: string;
  userId: string;
  app: string;
  form: string;
  version: number;
  data: Record<string, unknown>;
  /** Revision the edit started from, for drafts of submitted records. */
  baseRevision?: number;
  updatedAt: number;
}

/** `stored`: on the device, not uploaded. `missing`: the blob could not be stored (e.g. quota). */
export type AttachmentState = 'stored' | 'uploaded' | 'failed' | 'missing';

export interface AttachmentRow {
  sha256: string;
  blob?: Blob;
  type: string;
  size: number;
  state: AttachmentState;
  recordId?: string;
  userId: string;
  createdAt: number;
  /** HTTP status of a refused upload (`failed`). */
  error?: number;
}

/** A published app version, kept while the device has a record filled with it. */
export interface AppVersionRow {
  app: string;
  version: number;
  definition: AppDefinition;
  receivedAt: number;
  /** When the server published it (absent for definitions fetched outside the pull). */
  publishedAt?: string;
}

/** A ledger balance as last synced: `key` is the ledger key values, e.g. item and location. */
export interface BalanceRow {
  /** `app/ledger/key=value|…`, one row per ledger key combination. */
  id: string;
  app: string;
  ledger: string;
  key: Record<string, string>;
  measures: Record<string, number>;
  /** Server change sequence of this balance: postings accepted after it are not in it yet. */
  seq: number;
}

/** A posting made on the device by a record not yet reflected in the synced balance. */
export interface LocalPosting {
  id?: number;
  recordId: string;
  app: string;
  ledger: string;
  balanceId: string;
  measures: Record<string, number>;
  userId: string;
  /** Server sequence at which the record was accepted; the posting counts until a newer balance. */
  acceptedSeq?: number;
}

/** An open workflow task of the user, as last pulled (a closed task leaves the device). */
export interface TaskRow {
  /** `recordId/taskId`: a task id is unique within its record only (see taskRowId). */
  id: string;
  recordId: string;
  task: Task;
  seq: number;
}

/** A mutation the server refused, kept with its answer so the user sees it (actions included). */
export interface RefusedMutation {
  id: string;
  recordId: string;
  entry: OutboxEntry;
  code: string;
  message?: Message;
  problems: FieldProblem[];
  at: number;
}

export interface SyncStateRow {
  key: 'sync';
  cursor: string;
  lastSyncAt?: number;
}
