import type { Message } from '../i18n.ts';

/** One problem in a record, located by pointer and by field key. */
export interface FieldError {
  /** JSON pointer into the record data: `/qty`, `/lines/2/qty`. */
  pointer: string;
  /** Value key of the field: `qty`, or `lines.qty` for a sub-table column. */
  field: string;
  /** Row index (0-based, as in the pointer) for a sub-table column. */
  row?: number;
  code: string;
  message: Message;
}

export interface RecordCheckContext {
  /** USER() in rules. */
  user?: string;
  /** Clock for TODAY()/NOW() in rules. */
  now?: () => Date;
  /** `draft` skips required checks: a draft may be incomplete. Default `submit`. */
  mode?: 'submit' | 'draft';
}

export interface RecordResult {
  ok: boolean;
  errors: FieldError[];
}

export type RecordValidator = (data: unknown, ctx?: RecordCheckContext) => RecordResult;

/** What a value check finds wrong (the field and pointer are added by the caller). */
export interface Problem {
  code: string;
  message: Message;
}
