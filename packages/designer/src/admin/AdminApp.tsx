import './admin.css';
import type { Lang } from '@gongfang/schema';
import { useEffect, useMemo, useState } from 'react';
import { AdminContext, type AdminContextValue } from './AdminContext.ts';
import { AdminNav, type AdminSection, sectionOf } from './AdminNav.tsx';
import { type AdminApi, AdminError, createAdminApi, type Me } from './api.ts';
import { AuditPage } from './audit/AuditPage.tsx';
import { adminT, nameIn } from './i18n.ts';
import { OrgPage } from './org/OrgPage.tsx';
import { RolesPage } from './roles/RolesPage.tsx';
import { SignIn } from './SignIn.tsx';
import { ErrorNote, Loading } from './ui.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { AppVersionsPage } from './versions/AppVersionsPage.tsx';
import { TemplateVersionsPage } from './versions/TemplateVersionsPage.tsx';
import { WebhooksPage } from './webhooks/WebhooksPage.tsx';

export interface AdminAppProps {
  api?: AdminApi;
  lang?: Lang;
  /** Where "back to designer" goes. */
  designerHref?: string;
}

function useHashSection(): AdminSection {
  const [section, setSection] = useState(() => sectionOf(location.hash));
  useEffect(() => {
    const on = () => setSection(sectionOf(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return section;
}

/** The IT department's pages (#/admin/…): behind a sign-in with the `it_admin` role. */
export function AdminApp({ api: given, lang: initialLang = 'zh-CN', designerHref = '#/' }: AdminAppProps) {
  const api = useMemo(() => given ?? createAdminApi(), [given]);
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const section = useHashSection();
  const t = useMemo(() => adminT(lang), [lang]);
  const ctx = useMemo<AdminContextValue>(() => ({ api, lang, t }), [api, lang, t]);

  const loadMe = () =>
    api.me().then(
      (m) => {
        setMe(m);
        setError(undefined);
      },
      (e: unknown) => {
        if (e instanceof AdminError && e.status === 401) setMe(null);
        else setError(e);
      },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per API
  useEffect(() => {
    void loadMe();
  }, [api]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = adminT(lang)('title');
  }, [lang]);

  const signOut = async () => {
    await api.logout().catch(() => undefined);
    setMe(null);
  };
  const isAdmin = me?.roles.some((r) => r.id === 'it_admin') ?? false;

  return (
    <AdminContext.Provider value={ctx}>
      <div className="ad-app" lang={lang}>
        <header className="ad-top">
          <div className="ad-brand">
            <span className="ad-logo" aria-hidden="true">
              工
            </span>
            <strong>{t('title')}</strong>
            {me ? <span className="ad-org">{nameIn(me.org.name, lang, me.org.id)}</span> : null}
          </div>
          <div className="ad-top-tools">
            <a className="ad-top-link" href={designerHref}>
              {t('backToDesigner')}
            </a>
            <fieldset className="ad-seg">
              <legend className="ad-sr">{t('language')}</legend>
              {(['zh-CN', 'en'] as Lang[]).map((l) => (
                <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
                  {l === 'zh-CN' ? '中文' : 'English'}
                </button>
              ))}
            </fieldset>
            {me ? (
              <>
                <span className="ad-who">{nameIn(me.user.displayName, lang, me.user.name)}</span>
                <button type="button" className="ad-top-button" onClick={() => void signOut()}>
                  {t('signOut')}
                </button>
              </>
            ) : null}
          </div>
        </header>
        {error ? (
          <main className="ad-center">
            <ErrorNote error={error} onRetry={() => void loadMe()} />
          </main>
        ) : me === undefined ? (
          <main className="ad-center">
            <Loading />
          </main>
        ) : me === null ? (
          <SignIn onSignedIn={() => void loadMe()} />
        ) : !isAdmin ? (
          <main className="ad-center">
            <p className="ad-note is-error" role="alert">
              {t('notAdmin')}
            </p>
          </main>
        ) : (
          <div className="ad-body">
            <AdminNav section={section} />
            <main className="ad-main">
              <Section section={section} />
            </main>
          </div>
        )}
      </div>
    </AdminContext.Provider>
  );
}

function Section({ section }: { section: AdminSection }) {
  switch (section) {
    case 'orgs':
      return <OrgPage />;
    case 'roles':
      return <RolesPage />;
    case 'apps':
      return <AppVersionsPage />;
    case 'templates':
      return <TemplateVersionsPage />;
    case 'audit':
      return <AuditPage />;
    case 'webhooks':
      return <WebhooksPage />;
    default:
      return <UsersPage />;
  }
}
