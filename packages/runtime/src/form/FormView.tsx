import type { EngineOptions, Form, FormEngine, Lang, RecordValidator } from '@gongfang/schema';
import { type CSSProperties, type KeyboardEvent, type ReactNode, useCallback, useMemo, useRef } from 'react';
import { useFormEngine } from '../engine/useFormEngine.ts';
import { RuntimeProvider, useRuntime } from '../RuntimeContext.tsx';
import { controlId } from '../validation/errorKeys.ts';
import { useValidation } from '../validation/useValidation.ts';
import { defaultWidgets } from '../widgets/registry.ts';
import type { ValueField, WidgetRegistry } from '../widgets/types.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FormContext, type FormContextValue } from './FormContext.ts';
import { HeaderField } from './HeaderField.tsx';
import { Section } from './Section.tsx';
import { fieldsWithin, fieldWeight, useProgressiveMount } from './useProgressiveMount.ts';
import { useWedgeRouting } from './useWedgeRouting.ts';

export interface FormViewProps {
  form: Form;
  /** A live engine (see `useFormEngine`); without one the form makes its own from `engineOptions`. */
  engine?: FormEngine;
  engineOptions?: EngineOptions;
  /** Overrides the language of the surrounding `RuntimeProvider`. */
  lang?: Lang;
  /** Called with the record data when a submit finds no errors. */
  onSubmit?: (data: Record<string, unknown>) => void;
  /** Text of the submit button (default "提交"/"Submit"); `null` hides the button. */
  submitLabel?: string | null;
  validator?: RecordValidator;
  /** Replaces or adds widgets by field type. */
  widgets?: Partial<WidgetRegistry>;
  /** Extra content after the fields (e.g. draft/save buttons of the app shell). */
  children?: ReactNode;
}

/** Renders a form definition: sections, fields, live rules, validation and the error summary. */
export function FormView(props: FormViewProps) {
  const outer = useRuntime();
  if (props.lang && props.lang !== outer.lang) {
    return (
      <RuntimeProvider
        lang={props.lang}
        directory={outer.directory}
        roles={outer.roles}
        attachments={outer.attachments}
        records={outer.records}
      >
        <FormBody {...props} />
      </RuntimeProvider>
    );
  }
  return <FormBody {...props} />;
}

function FormBody({
  form,
  engine: given,
  engineOptions,
  onSubmit,
  submitLabel,
  validator,
  widgets,
  children,
}: FormViewProps) {
  const own = useFormEngine(form, engineOptions);
  const engine = given ?? own;
  const { t } = useRuntime();
  const validation = useValidation(form, engine, {
    ...(validator ? { validator } : {}),
    ...(engineOptions?.user ? { user: engineOptions.user } : {}),
    ...(engineOptions?.now ? { now: engineOptions.now } : {}),
  });
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const revealers = useRef(new Map<string, (key: string) => void>());
  const registry = useMemo(() => ({ ...defaultWidgets, ...widgets }) as WidgetRegistry, [widgets]);
  const groups = useMemo(() => groupFields(form), [form]);
  const weights = useMemo(() => groups.map(groupWeight), [groups]);
  // Long forms paint their first screen first and mount the rest while the tablet is idle.
  const mount = useProgressiveMount(weights.reduce((a, b) => a + b, 0));
  const starts = useMemo(() => weights.map((_, i) => weights.slice(0, i).reduce((a, b) => a + b, 0)), [weights]);
  const mountAllRef = useRef(mount.mountAll);
  mountAllRef.current = mount.mountAll;

  const ctx = useMemo<FormContextValue>(() => {
    const registerRevealer = (id: string, reveal: (key: string) => void) => {
      revealers.current.set(id, reveal);
      return () => {
        if (revealers.current.get(id) === reveal) revealers.current.delete(id);
      };
    };
    const jumpTo = (key: string) => {
      const head = key.split('#')[0] ?? key;
      const model = engine.model.byId.get(head);
      mountAllRef.current();
      // Open the enclosing section, then let a sub-table scroll its row into the DOM.
      if (model?.section) revealers.current.get(model.section)?.(key);
      revealers.current.get(head)?.(key);
      const el = document.getElementById(controlId(form.id, key));
      if (el) {
        el.scrollIntoView?.({ block: 'center' });
        el.focus({ preventScroll: true });
      }
    };
    return {
      formId: form.id,
      engine,
      errors: validation.errors,
      widgets: registry,
      touch: validation.touch,
      registerRevealer,
      jumpTo,
    };
  }, [engine, form.id, validation, registry]);

  useWedgeRouting(formRef, mountAllRef);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    validation.errors.markSubmitted();
    if (validation.validate()) onSubmit?.(engine.data());
    else requestAnimationFrame(() => summaryRef.current?.focus());
  };

  // Enter in a one-line input must not submit: keyboard-wedge scanners end every code with Enter.
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && target instanceof HTMLInputElement) e.preventDefault();
  }, []);

  const loose = form.columns ?? 2;
  return (
    <FormContext.Provider value={ctx}>
      <form
        ref={formRef}
        className="gf-form"
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        aria-label={form.name ? undefined : form.id}
        style={{ '--gf-cols': loose } as CSSProperties}
      >
        <ErrorSummary ref={summaryRef} />
        {groups.map((group, i) => {
          // Fields of this group within the mounted budget (groups before it come first).
          const limit = mount.budget - starts[i]!;
          if (limit <= 0) return null;
          return group.kind === 'section' ? (
            <Section key={group.section.id} section={group.section} limit={limit} />
          ) : (
            <div className="gf-section gf-loose" key={group.fields[0]?.id}>
              <div className="gf-grid">
                {fieldsWithin(group.fields, limit).map((f) => (
                  <HeaderField key={f.id} field={f} />
                ))}
              </div>
            </div>
          );
        })}
        {children}
        {submitLabel === null ? null : (
          <div className="gf-actions">
            <button type="submit" className="gf-button gf-primary">
              {submitLabel ?? t('submit')}
            </button>
          </div>
        )}
      </form>
    </FormContext.Provider>
  );
}

type Group =
  | { kind: 'section'; section: Extract<Form['fields'][number], { type: 'section' }> }
  | { kind: 'loose'; fields: ValueField[] };

/** Fields a group puts on screen (a sub-table counts as half a screen). */
function groupWeight(group: Group): number {
  const fields = group.kind === 'section' ? (group.section.fields ?? []) : group.fields;
  return Math.max(
    1,
    fields.reduce((n, f) => n + fieldWeight(f), 0),
  );
}

/** Sections as they are; runs of fields outside sections share one grid. */
function groupFields(form: Form): Group[] {
  const out: Group[] = [];
  for (const f of form.fields) {
    if (f.type === 'section') out.push({ kind: 'section', section: f });
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'loose') last.fields.push(f);
      else out.push({ kind: 'loose', fields: [f] });
    }
  }
  return out;
}
