import { forwardRef, useSyncExternalStore } from 'react';
import { useRuntime } from '../RuntimeContext.tsx';
import { controlId } from '../validation/errorKeys.ts';
import type { FormErrors } from '../validation/FormErrors.ts';
import { useFormContext } from './FormContext.ts';

const NONE: ReturnType<FormErrors['list']> = [];

/**
 * Shown after a submit that found problems: every error, localized, each a button that scrolls to
 * its field and focuses it. It follows the errors live, and disappears when none are left.
 */
export const ErrorSummary = forwardRef<HTMLHeadingElement>(function ErrorSummary(_props, headingRef) {
  const { errors, jumpTo, formId } = useFormContext();
  const titleId = controlId(formId, 'summary-title');
  const { t, lang } = useRuntime();
  // Before a submit the summary is hidden: a check while typing must not re-render (commit) it.
  const list = useSyncExternalStore(
    (onChange) => errors.subscribe('*', onChange),
    () => (errors.submitted ? errors.list() : NONE),
  );
  if (!errors.submitted || list.length === 0) return null;
  return (
    <section className="gf-summary" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1} ref={headingRef}>
        {t('errorSummaryTitle', { count: list.length })}
      </h2>
      <p className="gf-summary-hint">{t('errorSummaryHint')}</p>
      <ul>
        {list.map(({ key, error }) => (
          <li key={`${key}:${error.code}:${error.message.en}`}>
            <button type="button" className="gf-summary-item" onClick={() => jumpTo(key)}>
              {error.message[lang]}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
