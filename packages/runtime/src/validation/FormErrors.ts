import type { FieldError } from '@gongfang/schema';

const NONE: readonly FieldError[] = Object.freeze([]);

/**
 * The record's validation errors as a small external store keyed like `errorKey`, so a field
 * re-renders only when its own shown errors change. An error is shown once its field was touched
 * (left after editing) or the user tried to submit.
 */
export class FormErrors {
  private all = new Map<string, readonly FieldError[]>();
  private shown = new Map<string, readonly FieldError[]>();
  private touched = new Set<string>();
  private listeners = new Map<string, Set<() => void>>();
  private ordered: readonly { key: string; error: FieldError }[] = [];
  submitted = false;

  subscribe(key: string, listener: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    this.listeners.set(key, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Errors shown for `key` (same array until they change). */
  shownFor(key: string): readonly FieldError[] {
    return this.shown.get(key) ?? NONE;
  }

  /** Every error in the validator's order (form order), with its display key. */
  list(): readonly { key: string; error: FieldError }[] {
    return this.ordered;
  }

  isTouched(key: string): boolean {
    return this.touched.has(key);
  }

  touch(key: string): void {
    if (this.touched.has(key)) return;
    this.touched.add(key);
    this.refresh();
  }

  markSubmitted(): void {
    this.submitted = true;
    this.refresh();
  }

  set(errors: readonly { key: string; error: FieldError }[]): void {
    this.ordered = errors;
    const all = new Map<string, FieldError[]>();
    for (const { key, error } of errors) {
      const list = all.get(key) ?? [];
      list.push(error);
      all.set(key, list);
    }
    this.all = all;
    this.refresh();
  }

  private refresh(): void {
    const changed: string[] = [];
    const next = new Map<string, readonly FieldError[]>();
    for (const [key, errors] of this.all) {
      if (!this.submitted && !this.touched.has(key)) continue;
      const prev = this.shown.get(key);
      next.set(key, prev && sameErrors(prev, errors) ? prev : errors);
      if (next.get(key) !== prev) changed.push(key);
    }
    for (const key of this.shown.keys()) if (!next.has(key)) changed.push(key);
    this.shown = next;
    for (const key of changed) for (const l of this.listeners.get(key) ?? []) l();
    for (const l of this.listeners.get('*') ?? []) l();
  }
}

function sameErrors(a: readonly FieldError[], b: readonly FieldError[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => e.code === b[i]?.code && e.message.en === b[i]?.message.en && e.pointer === b[i]?.pointer)
  );
}
