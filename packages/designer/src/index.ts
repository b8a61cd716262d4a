// The public API of @gongfang/designer. Every export is named here (no `export *`).

export type { ClipboardPayload, SelectMode } from './store/Designer.ts';
export { createDesigner, Designer } from './store/Designer.ts';
export type { DesignerOptions, DesignerState, UpdateSource } from './store/DesignerCore.ts';
export { CAPTURE, DesignerCore } from './store/DesignerCore.ts';
export { emptyApp } from './store/emptyApp.ts';
export type { AnyField, FieldType, FieldTypeInfo } from './store/fieldTypes.ts';
export { FIELD_TYPE_INFO, FIELD_TYPES, isColumnType } from './store/fieldTypes.ts';
export type { Step } from './store/history.ts';
export { HISTORY_LIMIT, History } from './store/history.ts';
export type { ImportResult } from './store/importExport.ts';
export { exportDefinition, parseDefinition } from './store/importExport.ts';
export type { DesignerTab, Problem } from './store/problems.ts';
export { findProblems, locateProblem } from './store/problems.ts';
export { formatOptions, parseOptions } from './store/properties.ts';
export type { Located, Place } from './store/tree.ts';
export { ROOT } from './store/tree.ts';
export type { Panels, UiState } from './store/uiState.ts';
