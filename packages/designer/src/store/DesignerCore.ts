// The editor core: one zustand store holding the document, the UI state apart from it, the
// problems and the undo counters. Every edit of the document goes through immer's
// produceWithPatches, tagged with where it came from; only user edits are recorded for undo
// (excalidraw's CaptureUpdateAction: loads and remote or server updates never are).
import { type AppDefinition, type Form, type Lang, type Role, walkFields } from '@gongfang/schema';
import { applyPatches, type Draft, enablePatches, type Patch, produceWithPatches } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyApp } from './emptyApp.ts';
import { History } from './history.ts';
import { findProblems, type Problem } from './problems.ts';
import { initialUi, type UiState } from './uiState.ts';

enablePatches();

/** Where an update comes from; decides whether it can be undone. */
export type UpdateSource = 'user' | 'load' | 'remote' | 'server';

/** Undo intent per source: a user edit is recorded; a load clears history; the rest pass by it. */
export const CAPTURE: Readonly<Record<UpdateSource, 'immediately' | 'never'>> = {
  user: 'immediately',
  load: 'never',
  remote: 'never',
  server: 'never',
};

export interface DesignerState {
  doc: AppDefinition;
  ui: UiState;
  history: { undo: number; redo: number };
  problems: readonly Problem[];
  /** `formId/fieldKey` of fields in the published version: their ids are locked. */
  locked: ReadonlySet<string>;
  /** The server's revision of the draft this document is based on (null: never saved). */
  revision: number | null;
  /** Counts document changes; autosave watches it. */
  changes: number;
  /** Changes already saved (equal to `changes` when nothing is waiting). */
  savedChanges: number;
  /**
   * The organization's roles as the server lists them (IT's own included), for role pickers; null
   * when the designer has no server (the dev page, tests) or could not ask it. Not the document.
   */
  orgRoles: readonly Role[] | null;
}

export interface DesignerOptions {
  definition?: AppDefinition;
  /** The published version, when there is one: ids of its fields are locked. */
  published?: AppDefinition;
  lang?: Lang;
  /** Debounce of the problems list in ms (0: recomputed synchronously, for tests). */
  problemsDelay?: number;
  /** The organization's roles from the server, when there is one. */
  orgRoles?: readonly Role[] | null;
}

function lockedKeys(published: AppDefinition | undefined): Set<string> {
  const out = new Set<string>();
  for (const form of published?.forms ?? []) for (const e of walkFields(form)) out.add(`${form.id}/${e.path}`);
  return out;
}

export class DesignerCore {
  readonly store: StoreApi<DesignerState>;
  protected readonly history = new History();
  private problemsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly problemsDelay: number;

  constructor(options: DesignerOptions = {}) {
    this.problemsDelay = options.problemsDelay ?? 200;
    const doc = structuredClone(options.definition ?? emptyApp());
    this.store = createStore<DesignerState>()(() => ({
      doc,
      ui: initialUi(options.lang),
      history: { undo: 0, redo: 0 },
      problems: findProblems(doc),
      locked: lockedKeys(options.published),
      revision: null,
      changes: 0,
      savedChanges: 0,
      orgRoles: options.orgRoles ?? null,
    }));
  }

  get state(): DesignerState {
    return this.store.getState();
  }
  get doc(): AppDefinition {
    return this.state.doc;
  }
  get form(): Form {
    const { doc, ui } = this.state;
    return doc.forms[ui.formIndex] ?? doc.forms[0]!;
  }

  /**
   * Changes the document. `source` tags the update's undo intent; `mergeKey` folds a burst of edits
   * of the same property into one undo step. Returns what the recipe returned.
   */
  update<T>(recipe: (doc: Draft<AppDefinition>) => T, source: UpdateSource = 'user', mergeKey?: string): T {
    let result!: T;
    const [next, patches, inverse] = produceWithPatches(this.doc, (draft) => {
      result = recipe(draft);
    });
    if (source === 'load') this.history.clear();
    if (patches.length === 0 && source !== 'load') return result;
    if (CAPTURE[source] === 'immediately') this.history.record(patches, inverse, mergeKey);
    this.commitDoc(next, source);
    return result;
  }

  /** Changes the open form (a user edit). */
  editForm<T>(recipe: (form: Form) => T, mergeKey?: string): T {
    const index = this.state.ui.formIndex;
    return this.update((d) => recipe(d.forms[index] as Form), 'user', mergeKey);
  }

  /** Replaces the document (open, import, a new revision from the server): never undoable. */
  load(definition: AppDefinition, options: { published?: AppDefinition; revision?: number | null } = {}): void {
    this.history.clear();
    const doc = structuredClone(definition);
    this.store.setState((s) => ({
      doc,
      locked: options.published ? lockedKeys(options.published) : s.locked,
      revision: options.revision ?? null,
      ui: { ...s.ui, formIndex: 0, selection: [], anchor: null, reveal: null },
      history: { undo: 0, redo: 0 },
      changes: s.changes + 1,
      savedChanges: s.changes + 1,
    }));
    this.scheduleProblems();
  }

  undo(): boolean {
    const step = this.history.undo();
    if (step) this.applyUnrecorded(step.inverse);
    return step !== undefined;
  }

  redo(): boolean {
    const step = this.history.redo();
    if (step) this.applyUnrecorded(step.patches);
    return step !== undefined;
  }

  /** Starts grouping the following edits into one undo step (a drag). */
  mark(name?: string): string {
    return this.history.mark(name);
  }
  commit(markId: string): void {
    this.history.commit(markId);
    this.syncHistory();
  }
  /** Reverts everything since `mark(markId)` without a trace in the history (a cancelled drag). */
  bail(markId: string): void {
    const inverse = this.history.bail(markId);
    if (inverse.length > 0) this.applyUnrecorded(inverse);
    this.syncHistory();
  }
  /** Ends a typing burst: the next keystroke starts a new undo step. */
  stopMerging(): void {
    this.history.stop();
  }

  setUi(patch: Partial<UiState> | ((ui: UiState) => Partial<UiState>)): void {
    this.store.setState((s) => ({ ui: { ...s.ui, ...(typeof patch === 'function' ? patch(s.ui) : patch) } }));
  }

  /** Marks the document saved up to `changes` at server `revision` (autosave; not undoable). */
  markSaved(changes: number, revision: number): void {
    this.store.setState({ savedChanges: changes, revision });
  }

  /** The organization's roles, loaded from the server (not undoable, not the document). */
  setOrgRoles(roles: readonly Role[] | null): void {
    this.store.setState({ orgRoles: roles });
  }

  /** Recomputes the problems list now (tests, and before an export or publish). */
  flushProblems(): readonly Problem[] {
    clearTimeout(this.problemsTimer);
    this.problemsTimer = undefined;
    const problems = findProblems(this.doc);
    this.store.setState({ problems });
    return problems;
  }

  dispose(): void {
    clearTimeout(this.problemsTimer);
  }

  private applyUnrecorded(patches: Patch[]): void {
    this.commitDoc(applyPatches(this.doc, patches), 'user');
  }

  private commitDoc(doc: AppDefinition, source: UpdateSource): void {
    this.store.setState((s) => ({
      doc,
      history: { undo: this.history.undoDepth, redo: this.history.redoDepth },
      changes: s.changes + 1,
      savedChanges: source === 'server' || source === 'load' ? s.changes + 1 : s.savedChanges,
    }));
    this.pruneSelection();
    this.scheduleProblems();
  }

  private syncHistory(): void {
    this.store.setState({ history: { undo: this.history.undoDepth, redo: this.history.redoDepth } });
  }

  private pruneSelection(): void {
    const { ui } = this.state;
    if (ui.selection.length === 0) return;
    const keys = new Set(walkFields(this.form).map((e) => e.path));
    const kept = ui.selection.filter((k) => keys.has(k));
    if (kept.length !== ui.selection.length) this.setUi({ selection: kept });
  }

  private scheduleProblems(): void {
    if (this.problemsDelay <= 0) {
      this.flushProblems();
      return;
    }
    clearTimeout(this.problemsTimer);
    this.problemsTimer = setTimeout(() => this.flushProblems(), this.problemsDelay);
  }
}
