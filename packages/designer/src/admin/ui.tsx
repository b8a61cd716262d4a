import type { ReactNode } from 'react';
import { useId } from 'react';
import { useAdmin } from './AdminContext.ts';
import { AdminError } from './api.ts';

/** The server's own message in the user's language; the code when it sent none. */
export function errorText(error: unknown, lang: 'zh-CN' | 'en'): string {
  if (error instanceof AdminError) {
    const base = error.text?.[lang] ?? error.code;
    const problems = error.body.problems;
    if (Array.isArray(problems) && problems.length > 0) {
      const first = problems[0] as { pointer?: string; message?: string };
      return `${base}（${first.pointer ?? ''} ${first.message ?? ''}）`.replace('（ ）', '');
    }
    return base;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useAdmin();
  if (!error) return null;
  return (
    <p className="ad-note is-error" role="alert">
      <span>
        {t('errorPrefix')}
        {errorText(error, lang)}
      </span>
      {onRetry ? (
        <button type="button" className="ad-button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </p>
  );
}

export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="ad-note is-ok" role="status">
      {text}
    </p>
  );
}

/** A labelled control: the label names it for screen readers and tests; the hint describes it. */
export function Field({
  label,
  hint,
  children,
  wide,
}: {
  label: string;
  hint?: string;
  wide?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`ad-field${wide ? ' is-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(hint ? { 'aria-describedby': hintId } : {}) })}
      {hint ? (
        <p className="ad-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function PageHead({
  id,
  title,
  intro,
  actions,
}: {
  id?: string;
  title: string;
  intro?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="ad-page-head">
      <div>
        <h1 id={id}>{title}</h1>
        {intro ? <p className="ad-intro">{intro}</p> : null}
      </div>
      {actions ? <div className="ad-actions">{actions}</div> : null}
    </header>
  );
}

export function Loading() {
  const { t } = useAdmin();
  return (
    <p className="ad-muted" role="status">
      {t('loading')}
    </p>
  );
}

/** Date and time in the UI language, to the second (audit entries are minutes apart or less). */
export function formatTime(iso: string, lang: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
