import type { StoredRecord } from '@gongfang/offline';
import type { AppDefinition } from '@gongfang/schema';
import { latestApps } from '../data/apps.ts';
import { getServices } from '../data/services.ts';
import { recordTitle } from '../data/titles.ts';
import { useStoreQuery } from '../data/useStoreQuery.ts';
import { type AppMessageKey, formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';
import { href } from '../shell/router.ts';
import { ConflictChoice } from './ConflictChoice.tsx';

const STATUS: Record<StoredRecord['status'], AppMessageKey> = {
  pending: 'statusPending',
  synced: 'statusSynced',
  rejected: 'statusRejected',
  conflict: 'statusConflict',
};

export function StatusTag({ status }: { status: StoredRecord['status'] }) {
  const { t } = useApp();
  return <span className={`app-tag app-tag-${status}`}>{t(STATUS[status])}</span>;
}

/** What the operator submitted on this tablet and where each stands: nothing is ever dropped. */
export function Submissions() {
  const { t, text, lang, operator } = useApp();
  const { store } = getServices();
  const data = useStoreQuery(
    async () => {
      const [records, apps] = await Promise.all([
        store.db.records.where('userId').equals(operator.id).toArray(),
        latestApps(store),
      ]);
      records.sort((a, b) => b.savedAt - a.savedAt);
      return { records, apps: new Map(apps.map((a) => [a.id, a] as [string, AppDefinition])) };
    },
    `${operator.id}`,
    ['record', 'sync', 'app'],
  );
  if (!data) return null;
  return (
    <div className="app-list-page">
      <h1>{t('submissions')}</h1>
      {data.records.length === 0 ? <p className="app-empty">{t('noSubmissions')}</p> : null}
      <ul className="app-items">
        {data.records.map((r) => {
          const form = data.apps.get(r.app)?.forms.find((f) => f.id === r.form);
          const name = text(form?.name, r.form);
          const title = recordTitle(form, r.envelope.data);
          return (
            <li key={r.id} className={`app-submission app-submission-${r.status}`}>
              <a className="app-item" href={href('record', r.id)}>
                <span className="app-item-title">{title ? `${name} · ${title}` : name}</span>
                <StatusTag status={r.status} />
                <span className="app-muted">{formatTime(r.savedAt, lang)}</span>
              </a>
              {r.status === 'rejected' && r.rejection ? (
                <section className="app-rejection" aria-label={t('rejectedReason')}>
                  <p>{r.rejection.message?.[lang] ?? r.rejection.code}</p>
                  {r.rejection.problems.length > 0 ? (
                    <ul>
                      {r.rejection.problems.map((p) => (
                        <li key={`${p.pointer}/${p.code}`}>{p.message[lang]}</li>
                      ))}
                    </ul>
                  ) : null}
                  <a className="gf-button gf-primary" href={href('edit', r.id)}>
                    {t('fixAndResubmit')}
                  </a>
                </section>
              ) : null}
              {r.status === 'conflict' && form ? <ConflictChoice record={r} form={form} /> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
