// Our own expression AST. Nothing outside parse.ts knows that jsep exists.

/** Static types of the expression language. `any` unifies with everything (unknown/unchecked). */
export type ScalarType = 'number' | 'text' | 'boolean' | 'date' | 'datetime' | 'time' | 'any';
/** A scalar or a list (a sub-table column such as `lines.qty`). */
export type ExprType = ScalarType | { list: ScalarType };
/**
 * Runtime values. Blank is `null`. Dates are ISO strings `YYYY-MM-DD`, datetimes ISO 8601 strings,
 * times `HH:mm[:ss]` strings.
 */
export type Value = number | string | boolean | null | Value[];

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type BinaryOp = CompareOp | ArithmeticOp | '&';

/** `at` is the character offset in the source where the node starts. */
export type ExprNode =
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'text'; readonly value: string; readonly at: number }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly at: number }
  | {
      readonly kind: 'field';
      /** e.g. `['lines', 'qty']` for `lines.qty`. */
      readonly path: readonly string[];
      /** The dotted path, e.g. `lines.qty`. */
      readonly key: string;
      readonly at: number;
    }
  | { readonly kind: 'negate'; readonly arg: ExprNode; readonly at: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: ExprNode;
      readonly right: ExprNode;
      readonly at: number;
    }
  | {
      readonly kind: 'call';
      /** Upper-case function name, always one of FUNCTIONS. */
      readonly fn: string;
      readonly args: readonly ExprNode[];
      readonly at: number;
    };

export function isListType(t: ExprType): t is { list: ScalarType } {
  return typeof t === 'object';
}

/** Human-readable type name, for messages. */
export function typeName(t: ExprType): string {
  return typeof t === 'object' ? `list<${t.list}>` : t;
}
