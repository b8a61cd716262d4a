// The public API of @gongfang/schema. Every export is named here (no `export *`).

// Definition validation, record validation and field walking (area: definition/record/cli).
export type { DefinitionError } from './definition/errors.ts';
export type { FieldEntry } from './definition/fields.ts';
export { fieldIndex, walkFields } from './definition/fields.ts';
export { fieldExprType, headerEnv, rowEnv } from './definition/typeEnv.ts';
export type { DefinitionResult } from './definition/validateDefinition.ts';
export { validateDefinition } from './definition/validateDefinition.ts';
// Form engine: live rules and formulas (packages/schema/src/engine)
export type { EngineOptions, FieldModel, FieldState, FormEngine, FormModel, RowState } from './engine/index.ts';
export { compileFormModel, createFormEngine, toExprValue } from './engine/index.ts';
// Expression language (packages/schema/src/expr)
export type {
  BinaryOp,
  CheckResult,
  CompiledExpression,
  CompileResult,
  EvalContext,
  EvalResult,
  ExprError,
  ExprErrorCode,
  ExprNode,
  ExprType,
  FunctionInfo,
  ScalarType,
  TypeEnv,
  Value,
} from './expr/index.ts';
export {
  checkExpression,
  compileExpression,
  DEFAULT_BUDGET,
  evaluateExpression,
  FUNCTIONS,
  isListType,
  isTruthy,
  MAX_DEPTH,
  MAX_NODES,
  MAX_SOURCE_LENGTH,
  typeName,
} from './expr/index.ts';
export type {
  ActionMutation,
  AppChange,
  BalanceChange,
  Change,
  CreateMutation,
  FieldProblem,
  Mutation,
  MutationResult,
  PullResponse,
  PushRequest,
  PushResponse,
  RecordChange,
  Task,
  TaskChange,
  UpdateMutation,
  WorkflowState,
} from './generated/sync-types.ts';
export type {
  AggregateSource,
  AggregateView,
  AppDefinition,
  ApproverNode,
  Assignee,
  AttachmentField,
  BarcodeField,
  CcNode,
  ChartView,
  CheckboxField,
  ColumnField,
  ConditionBranch,
  ConditionNode,
  ContentField,
  DateField,
  DefaultBranch,
  DefaultValue,
  EndNode,
  Field,
  FieldAccessRule,
  Form,
  FormPermissions,
  FormulaField,
  GroupKey,
  Highlight,
  Ledger,
  LedgerGuard,
  LedgerKey,
  LedgerMeasure,
  ListView,
  LocalizedText,
  LocationField,
  Measure,
  MemberField,
  NodeFieldAccess,
  NumberField,
  Option,
  OptionsFrom,
  ParallelBranch,
  ParallelNode,
  PhotoField,
  Posting,
  RadioField,
  RecordEnvelope,
  ReferenceField,
  Role,
  RoleField,
  SectionField,
  SelectField,
  SignatureField,
  SubtableField,
  TextareaField,
  TextField,
  Validation,
  View,
  Workflow,
  WorkflowNode,
} from './generated/types.ts';
export type { Lang, Message } from './i18n.ts';
export { DEFAULT_LANG, LANGS, localize, message } from './i18n.ts';
// Definition migrations (area: examples and migrations).
export type { MigrationError, MigrationResult } from './migrations/migrateDefinition.ts';
export { CURRENT_SCHEMA_VERSION, migrateDefinition } from './migrations/migrateDefinition.ts';
// Record validation (area: definition/record/cli).
export { compileRecordValidator } from './record/compileRecordValidator.ts';
export type { FieldError, RecordCheckContext, RecordResult, RecordValidator } from './record/types.ts';
