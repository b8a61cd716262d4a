import { useAdmin } from '../AdminContext.ts';
import type { Change } from '../api.ts';
import { ValueView } from '../audit/ValueView.tsx';

function verb(kind: string): 'added' | 'removed' | 'changed' {
  if (kind.endsWith('.added')) return 'added';
  if (kind.endsWith('.removed')) return 'removed';
  return 'changed';
}

/** The server's readable changes: one line each in the UI language, with before/after on demand. */
export function DiffList({ changes, title }: { changes: Change[]; title: string }) {
  const { t, lang } = useAdmin();
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[verb(c.kind)]++;
  return (
    <section className="ad-card ad-diff" aria-label={title}>
      <header className="ad-diff-head">
        <h2>{title}</h2>
        <span className="ad-muted">{t('changesCount', { n: changes.length })}</span>
        {(['added', 'removed', 'changed'] as const).map((k) =>
          counts[k] ? (
            <span key={k} className={`ad-badge is-${k}`}>
              {t(k)} {counts[k]}
            </span>
          ) : null,
        )}
      </header>
      {changes.length === 0 ? <p className="ad-empty">{t('noChanges')}</p> : null}
      <ol className="ad-diff-list">
        {changes.map((c) => {
          const v = verb(c.kind);
          return (
            <li key={`${c.kind}:${c.path}`} className={`is-${v}`}>
              <span className={`ad-badge is-${v}`}>{t(v)}</span>
              <details>
                <summary>{c.summary[lang] || c.summary['zh-CN']}</summary>
                <div className="ad-before-after">
                  {v !== 'added' ? (
                    <div>
                      <h3>{t('before')}</h3>
                      <ValueView value={c.before} />
                    </div>
                  ) : null}
                  {v !== 'removed' ? (
                    <div>
                      <h3>{t('after')}</h3>
                      <ValueView value={c.after} />
                    </div>
                  ) : null}
                </div>
                <code className="ad-muted ad-path">{c.path}</code>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
