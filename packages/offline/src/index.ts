// The public API of @gongfang/offline. Every export is named here (no `export *`).

export type { StoredAttachment } from './attachments.ts';
export { sha256Hex } from './attachments.ts';
export type { CollectOptions, CollectReport, EditingDraft } from './collectAttachments.ts';
export type { StoreChange } from './context.ts';
export { GongfangDb } from './db.ts';
export type { DraftInput } from './drafts.ts';
export type { OfflineErrorCode } from './errors.ts';
export { isOfflineError, isQuotaError, OfflineError } from './errors.ts';
export type { PostingInput } from './ledger.ts';
export { balanceId } from './ledger.ts';
export type { OfflineStoreOptions, OpenEditor, RecordCounts, SubmitResult } from './OfflineStore.ts';
export { OfflineStore } from './OfflineStore.ts';
export type { PersistAnswer } from './persist.ts';
export { requestPersistentStorage } from './persist.ts';
export type { ActionInput, SaveRecordInput } from './records.ts';
export type { SyncStatus } from './status.ts';
export { StatusStore } from './status.ts';
export type { BackoffOptions } from './sync/backoff.ts';
export { backoffDelay } from './sync/backoff.ts';
export type { SyncClientOptions, SyncReport } from './sync/SyncClient.ts';
export { SyncClient } from './sync/SyncClient.ts';
export type { FetchLike, TransportOptions, UploadOutcome } from './sync/transport.ts';
export { parseRetryAfter, readCookie, Transport } from './sync/transport.ts';
export type { SyncStorage } from './tabletSettings.ts';
export { TabletSettings } from './tabletSettings.ts';
export type {
  AppVersionRow,
  AttachmentRow,
  AttachmentState,
  BalanceRow,
  ConflictState,
  Draft,
  LocalPosting,
  OutboxEntry,
  RecordStatus,
  RefusedMutation,
  Rejection,
  StoredRecord,
  SyncStateRow,
  TaskRow,
} from './types.ts';
export { uuidv7, uuidv7Time } from './uuidv7.ts';
