import type { WorkflowState } from '@gongfang/schema';
import { formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

/** Who did what at which step, oldest first. The server owns the entries' shape; read loosely. */
export function WorkflowHistory({ workflow }: { workflow: WorkflowState | undefined }) {
  const { t, text, lang } = useApp();
  const history = workflow?.history ?? [];
  return (
    <section className="app-history" aria-labelledby="wf-history">
      <h2 id="wf-history">
        {t('history')}
        {workflow ? <span className={`app-tag app-wf-${workflow.status}`}>{t(`wf_${workflow.status}`)}</span> : null}
      </h2>
      {history.length === 0 ? (
        <p className="app-muted">{t('noHistory')}</p>
      ) : (
        <ol className="app-timeline">
          {history.map((h, i) => {
            const nodeName = h.nodeName as Record<string, string> | undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: history is append-only.
              <li key={i}>
                <strong>{text(nodeName, str(h.node))}</strong> {str(h.actor ?? h.user ?? h.by)}{' '}
                <span className="app-tag">{str(h.action)}</span>{' '}
                <span className="app-muted">{formatTime(str(h.at) || undefined, lang)}</span>
                {h.comment ? <p className="app-comment">{str(h.comment)}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
