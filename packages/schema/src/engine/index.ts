export type { EngineOptions, FieldState, FormEngine, RowState } from './engine.ts';
export { createFormEngine } from './engine.ts';
export type { FieldModel, FormModel } from './model.ts';
export { compileFormModel } from './model.ts';
export { toExprValue } from './values.ts';
