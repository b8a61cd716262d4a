import type { SectionField } from '@gongfang/schema';
import { type CSSProperties, memo, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFieldState } from '../engine/useFormEngine.ts';
import { useRuntime } from '../RuntimeContext.tsx';
import { controlId } from '../validation/errorKeys.ts';
import type { ValueField } from '../widgets/types.ts';
import { useFormContext } from './FormContext.ts';
import { HeaderField } from './HeaderField.tsx';
import { fieldsWithin } from './useProgressiveMount.ts';

/**
 * A titled group laid out on a CSS grid of `columns` (one column in portrait, by container query).
 * Off-screen sections skip layout and paint (`content-visibility: auto`), which is most of the
 * per-keystroke cost of a long form; `limit` mounts only the first fields while a long form paints
 * its first screen.
 */
export const Section = memo(function Section({
  section,
  limit = Number.POSITIVE_INFINITY,
}: {
  section: SectionField;
  /** Fields to mount so far (a long form mounts its first screen first). */
  limit?: number;
}) {
  const { engine, formId, registerRevealer } = useFormContext();
  const { text, t } = useRuntime();
  const state = useFieldState(engine, section.id);
  const [open, setOpen] = useState(true);
  const fields = section.fields ?? [];

  useEffect(
    () =>
      registerRevealer(section.id, () => {
        if (!open) flushSync(() => setOpen(true));
      }),
    [registerRevealer, section.id, open],
  );

  if (!state.visible) return null;
  const titleId = controlId(formId, `${section.id}-title`);
  const bodyId = controlId(formId, `${section.id}-body`);
  if (fields.length === 0) {
    return (
      <p className="gf-divider">
        <span>{text(section.label)}</span>
      </p>
    );
  }
  return (
    <section className="gf-section" aria-labelledby={titleId}>
      <h2 className="gf-section-title" id={titleId}>
        {section.collapsible ? (
          <button
            type="button"
            className="gf-section-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="gf-chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            {text(section.label)}
            <span className="gf-sr">{open ? t('collapse') : t('expand')}</span>
          </button>
        ) : (
          text(section.label)
        )}
      </h2>
      {section.help ? <p className="gf-section-help">{text(section.help)}</p> : null}
      {open ? (
        <div className="gf-grid" id={bodyId} style={{ '--gf-cols': section.columns ?? 2 } as CSSProperties}>
          {fieldsWithin(fields, limit).map((f) => (
            <HeaderField key={f.id} field={f as ValueField} />
          ))}
        </div>
      ) : null}
    </section>
  );
});
