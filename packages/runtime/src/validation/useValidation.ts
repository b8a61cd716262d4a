import { compileRecordValidator, type Form, type FormEngine, type RecordValidator } from '@gongfang/schema';
import { useCallback, useEffect, useMemo } from 'react';
import { errorKey } from './errorKeys.ts';
import { FormErrors } from './FormErrors.ts';

export interface ValidationOptions {
  validator?: RecordValidator;
  user?: string;
  now?: () => Date;
  /** Quiet time after the last edit before the record is checked again (ms). */
  delay?: number;
}

export interface Validation {
  errors: FormErrors;
  /** Checks the record now; true when it is valid. */
  validate: () => boolean;
  touch: (key: string) => void;
}

/**
 * Runs the record validator over the engine's data: when a field is left, after edits once
 * something was touched (debounced, so typing costs nothing per key), and on submit.
 */
export function useValidation(form: Form, engine: FormEngine, options: ValidationOptions = {}): Validation {
  const { user, now, delay = 200 } = options;
  // Compiled on the first check, not during the first render: a long form paints sooner.
  const validator = useMemo<RecordValidator>(() => {
    let compiled = options.validator;
    return (data, context) => {
      compiled ??= compileRecordValidator(form);
      return compiled(data, context);
    };
  }, [form, options.validator]);
  const errors = useMemo(() => new FormErrors(), []);

  const validate = useCallback(() => {
    const result = validator(engine.data(), { mode: 'submit', ...(user ? { user } : {}), ...(now ? { now } : {}) });
    errors.set(result.errors.map((error) => ({ key: errorKey(engine, error), error })));
    return result.ok;
  }, [validator, engine, errors, user, now]);

  const touch = useCallback(
    (key: string) => {
      validate();
      errors.touch(key);
    },
    [validate, errors],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = engine.subscribe('*', () => {
      clearTimeout(timer);
      timer = setTimeout(validate, delay);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [engine, validate, delay]);

  return { errors, validate, touch };
}
