import type { AppDefinition } from '@gongfang/schema';
import { latestApps } from '../data/apps.ts';
import { getServices } from '../data/services.ts';
import { recordTitle } from '../data/titles.ts';
import { useStoreQuery } from '../data/useStoreQuery.ts';
import { formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';
import { href } from '../shell/router.ts';

/** The operator's drafts, newest first; other operators' unsynced work is counted, never shown. */
export function Drafts() {
  const { t, text, lang, operator } = useApp();
  const { store } = getServices();
  const data = useStoreQuery(
    async () => {
      const [mine, all, apps] = await Promise.all([
        store.draftsOf(operator.id),
        store.db.drafts.count(),
        latestApps(store),
      ]);
      return { mine, others: all - mine.length, apps: new Map(apps.map((a) => [a.id, a] as [string, AppDefinition])) };
    },
    `${operator.id}`,
    ['draft', 'record', 'app'],
  );
  if (!data) return null;
  return (
    <div className="app-list-page">
      <h1>{t('drafts')}</h1>
      {data.others > 0 ? <p className="app-note">{t('othersDrafts', { n: data.others })}</p> : null}
      {data.mine.length === 0 ? <p className="app-empty">{t('noDrafts')}</p> : null}
      <ul className="app-items">
        {data.mine.map((d) => {
          const form = data.apps.get(d.app)?.forms.find((f) => f.id === d.form);
          const name = text(form?.name, d.form);
          const title = recordTitle(form, d.data);
          return (
            <li key={d.recordId}>
              <a className="app-item" href={href('edit', d.recordId)}>
                <span className="app-item-title">{title ? `${name} · ${title}` : name}</span>
                <span className="app-muted">{t('updatedAt', { time: formatTime(d.updatedAt, lang) })}</span>
              </a>
              <button
                type="button"
                className="app-link-button"
                aria-label={`${t('discardDraft')} ${title || name}`}
                onClick={() => void store.deleteDraft(d.recordId)}
              >
                {t('discardDraft')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
