// Public API of the expression language.
export type { BinaryOp, ExprNode, ExprType, ScalarType, Value } from './ast.ts';
export { isListType, typeName } from './ast.ts';
export type { CheckResult, TypeEnv } from './check.ts';
export { checkExpression } from './check.ts';
export type { CompiledExpression, CompileResult } from './compile.ts';
export { compileExpression } from './compile.ts';
export type { ExprError, ExprErrorCode } from './errors.ts';
export type { EvalContext, EvalResult } from './evaluate.ts';
export { DEFAULT_BUDGET, evaluateExpression, isTruthy } from './evaluate.ts';
export type { FunctionInfo } from './functions.ts';
export { FUNCTIONS } from './functions.ts';
export { MAX_DEPTH, MAX_NODES, MAX_SOURCE_LENGTH } from './parse.ts';
