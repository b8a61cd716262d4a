import { type Message, message } from '../i18n.ts';

export type ExprErrorCode =
  | 'syntax'
  | 'too-long'
  | 'too-deep'
  | 'unknown-field'
  | 'unknown-function'
  | 'arity'
  | 'type'
  | 'budget'
  | 'runtime';

/** A typed error of the expression language: never a thrown exception at the API boundary. */
export interface ExprError {
  code: ExprErrorCode;
  message: Message;
  /** Character offset in the source, when known. */
  at?: number;
}

export function exprError(code: ExprErrorCode, msg: Message, at?: number): ExprError {
  return at === undefined ? { code, message: msg } : { code, message: msg, at };
}

/**
 * Thrown inside the parser and interpreter only, to unwind quickly on the rare error path;
 * the public functions catch it and return `{ ok: false, error }`.
 */
export class ExprFailure {
  constructor(readonly error: ExprError) {}
}

export function fail(code: ExprErrorCode, zh: string, en: string, at?: number): never {
  throw new ExprFailure(exprError(code, message(zh, en), at));
}
