import type { FieldError, FormEngine } from '@gongfang/schema';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FormErrors } from '../validation/FormErrors.ts';
import type { WidgetRegistry } from '../widgets/types.ts';

/** What fields of one form share: the engine, the error store and the ways to reach a field. */
export interface FormContextValue {
  formId: string;
  engine: FormEngine;
  errors: FormErrors;
  widgets: WidgetRegistry;
  /** Marks a field (or cell) touched: its errors show from now on. */
  touch: (key: string) => void;
  /** Containers (collapsed sections, virtualized sub-tables) register how to bring a key into the DOM. */
  registerRevealer: (id: string, reveal: (key: string) => void) => () => void;
  /** Scrolls to the field of `key` and focuses it. */
  jumpTo: (key: string) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('Gongfang fields must be rendered inside <FormView>.');
  return ctx;
}

/** Errors shown for one field or cell; re-renders only when they change. */
export function useShownErrors(errors: FormErrors, key: string): readonly FieldError[] {
  return useSyncExternalStore(
    (onChange) => errors.subscribe(key, onChange),
    () => errors.shownFor(key),
  );
}
