import { Fragment, useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { AuditFilter } from '../api.ts';
import type { AdminKey } from '../i18n.ts';
import { ErrorNote, formatTime, Loading, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';
import { AuditChange } from './AuditChange.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { ENTITY_TYPES } from './entities.ts';
import { VerifyButton } from './VerifyButton.tsx';

const PAGE = 25;

/** The audit log, newest first, paged by cursor; filters by entity, actor and date; before/after readable. */
export function AuditPage() {
  const { api, t, lang } = useAdmin();
  const [filter, setFilter] = useState<AuditFilter>({});
  // Cursors of the pages seen so far: [undefined] is the newest page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [open, setOpen] = useState<number | null>(null);
  const before = cursors[cursors.length - 1];
  const page = useLoad(() => api.audit(filter, before, PAGE), [api, filter, before]);
  const users = useLoad(() => api.users(), [api]);
  const entity = (type: string) =>
    (ENTITY_TYPES as readonly string[]).includes(type) ? t(`entity.${type}` as AdminKey) : type;

  return (
    <section className="ad-page">
      <PageHead id="ad-audit-title" title={t('audit')} intro={t('auditIntro')} actions={<VerifyButton />} />
      <AuditFilters
        users={users.data ?? []}
        onApply={(f) => {
          setFilter(f);
          setCursors([undefined]);
          setOpen(null);
        }}
      />
      <ErrorNote error={page.error} onRetry={page.reload} />
      {page.loading && !page.data ? <Loading /> : null}
      <div className="ad-table-wrap">
        <table className="ad-table ad-audit" aria-labelledby="ad-audit-title">
          <thead>
            <tr>
              <th scope="col" className="is-num">
                #
              </th>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('entity')}</th>
              <th scope="col">{t('entityId')}</th>
              <th scope="col">
                <span className="ad-sr">{t('details')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(page.data?.entries ?? []).map((e) => (
              <Fragment key={e.seq}>
                <tr className={open === e.seq ? 'is-open' : undefined}>
                  <td className="is-num ad-mono">{e.seq}</td>
                  <td className="ad-nowrap">{formatTime(e.at, lang)}</td>
                  <td>{e.actorName ?? <span className="ad-muted">{t('system')}</span>}</td>
                  <td>
                    <code className="ad-action">{e.action}</code>
                  </td>
                  <td>{entity(e.entityType)}</td>
                  <td className="ad-mono ad-ellipsis" title={e.entityId}>
                    {e.entityId}
                  </td>
                  <td className="ad-row-actions">
                    <button
                      type="button"
                      className="ad-button is-quiet"
                      aria-expanded={open === e.seq}
                      aria-label={t('showDetails', { seq: e.seq })}
                      onClick={() => setOpen(open === e.seq ? null : e.seq)}
                    >
                      {t('details')}
                    </button>
                  </td>
                </tr>
                {open === e.seq ? (
                  <tr className="ad-detail-row">
                    <td colSpan={7}>
                      <AuditChange before={e.before} after={e.after} />
                      <p className="ad-hint ad-mono">hash {e.hash}</p>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        {page.data && page.data.entries.length === 0 ? <p className="ad-empty">{t('noEntries')}</p> : null}
      </div>
      <nav className="ad-pager" aria-label={t('audit')}>
        <button
          type="button"
          className="ad-button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          ← {t('newer')}
        </button>
        <span className="ad-muted">{t('pageOf', { n: cursors.length })}</span>
        <button
          type="button"
          className="ad-button"
          disabled={!page.data?.nextBefore}
          onClick={() => {
            const next = page.data?.nextBefore;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          {t('older')} →
        </button>
      </nav>
    </section>
  );
}
