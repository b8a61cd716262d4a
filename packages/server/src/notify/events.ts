/** Workflow and ledger events a webhook may subscribe to. */
export const WEBHOOK_EVENTS = [
  'task.created',
  'record.approved',
  'record.rejected',
  'record.returned',
  'exception.opened',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface LocalizedLine {
  'zh-CN': string;
  en: string;
}

/** What every event carries; `summary` is the line a group robot shows (plain text, never markup). */
export interface EventPayload {
  summary: LocalizedLine;
  app?: string;
  form?: string;
  recordId?: string;
  [detail: string]: unknown;
}
