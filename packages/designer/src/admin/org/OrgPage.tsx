import { useAdmin } from '../AdminContext.ts';
import type { AdminKey } from '../i18n.ts';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Loading, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';

type Count = 'activeUsers' | 'roles' | 'apps' | 'templates' | 'devices';

const COUNTS: [Count, AdminKey, string][] = [
  ['activeUsers', 'activeUsers', '#/admin/users'],
  ['roles', 'roles', '#/admin/roles'],
  ['apps', 'apps', '#/admin/apps'],
  ['templates', 'templates', '#/admin/templates'],
  ['devices', 'devices', '#/admin/audit'],
];

/** The organization (factory) this admin manages, with what it holds. */
export function OrgPage() {
  const { api, t, lang } = useAdmin();
  const loaded = useLoad(() => api.orgs(), [api]);
  return (
    <section className="ad-page">
      <PageHead title={t('orgs')} intro={t('orgIntro')} />
      <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {(loaded.data ?? []).map((org) => (
        <article key={org.id} className="ad-card ad-org-card" aria-labelledby={`org-${org.id}`}>
          <header>
            <h2 id={`org-${org.id}`}>{nameIn(org.name, lang, org.id)}</h2>
            <code className="ad-muted">{org.id}</code>
          </header>
          <dl className="ad-stats">
            {COUNTS.map(([key, label, href]) => (
              <div key={key}>
                <dt>{t(label)}</dt>
                <dd>
                  <a href={href}>{org[key]}</a>
                </dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </section>
  );
}
