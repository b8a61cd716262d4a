import { memo, useCallback } from 'react';
import { useFieldState } from '../engine/useFormEngine.ts';
import { controlId } from '../validation/errorKeys.ts';
import type { ValueField } from '../widgets/types.ts';
import { FieldSlot } from './FieldSlot.tsx';
import { useFormContext, useShownErrors } from './FormContext.ts';

/** One header field: subscribes to its own state and errors only, so typing elsewhere skips it. */
export const HeaderField = memo(function HeaderField({ field }: { field: ValueField }) {
  const { engine, errors, widgets, formId, touch } = useFormContext();
  const state = useFieldState(engine, field.id);
  const shown = useShownErrors(errors, field.id);
  const onChange = useCallback((value: unknown) => engine.set(field.id, value), [engine, field.id]);
  const onTouch = useCallback(() => touch(field.id), [touch, field.id]);
  if (!state.visible) return null;
  return (
    <FieldSlot
      spec={widgets[field.type] as Parameters<typeof FieldSlot>[0]['spec']}
      field={field}
      id={controlId(formId, field.id)}
      value={state.value}
      onChange={onChange}
      onTouch={onTouch}
      required={state.required}
      errors={shown}
    />
  );
});
