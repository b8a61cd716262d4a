import './home.css';
import '../publish/publish.css';
import type { AppDefinition, Lang } from '@gongfang/schema';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { httpDraftClient } from '../client/draftClient.ts';
import { PublishButton } from '../publish/PublishButton.tsx';
import { httpRegistry, type Me } from '../publish/registryClient.ts';
import { createDesigner, type Designer } from '../store/Designer.ts';
import { emptyApp } from '../store/emptyApp.ts';
import { DesignerApp } from '../ui/DesignerApp.tsx';
import { useLang } from '../ui/DesignerContext.tsx';
import { AppHome } from './AppHome.tsx';
import { homeT } from './messages.ts';
import { SignIn } from './SignIn.tsx';

/** The server's skeleton draft has no form yet: the designer opens on an empty one. */
function withForm(def: AppDefinition): AppDefinition {
  if (def.forms?.length) return def;
  const empty = emptyApp();
  return { ...empty, ...def, roles: def.roles?.length ? def.roles : empty.roles, forms: empty.forms };
}

const appInHash = () => /^#\/apps\/([a-z][a-z0-9_]*)/.exec(location.hash)?.[1] ?? null;

/**
 * The designer as the server serves it at /designer/: sign in, pick or create an app (empty or
 * from a template), edit its draft (autosaved to the server), publish. `#/apps/<id>` opens an app.
 */
export function ServerDesigner({ lang }: { lang: Lang }) {
  const t = homeT(lang);
  const registry = useMemo(() => httpRegistry(), []);
  const client = useMemo(() => httpDraftClient(), []);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [appId, setAppId] = useState<string | null>(appInHash);
  const [designer, setDesigner] = useState<Designer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const checkMe = useCallback(() => void registry.me().then(setMe), [registry]);
  useEffect(checkMe, [checkMe]);
  useEffect(() => {
    const onHash = () => setAppId(appInHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!me || !appId) return;
    let live = true;
    setDesigner(null);
    void (async () => {
      try {
        const [draft, published, orgRoles] = await Promise.all([
          client.load(appId),
          registry.published(appId),
          registry.roles(),
        ]);
        if (!live) return;
        const d = createDesigner({
          definition: withForm(draft.definition),
          ...(published ? { published } : {}),
          orgRoles,
          lang,
        });
        d.markSaved(d.state.changes, draft.revision);
        Object.assign(window, { designer: d });
        setDesigner(d);
      } catch (e) {
        setError(String((e as Error).message));
      }
    })();
    return () => {
      live = false;
    };
  }, [me, appId, client, registry, lang]);

  if (me === undefined) return <p className="tz-page">{t('loading')}</p>;
  if (me === null) {
    return (
      <div className="tz-page">
        <SignIn registry={registry} lang={lang} onDone={checkMe} />
      </div>
    );
  }
  if (!appId) {
    return (
      <div className="tz-page">
        <h1 className="tz-title">{t('title')}</h1>
        <AppHome registry={registry} lang={lang} onOpen={(id) => (location.hash = `#/apps/${id}`)} />
      </div>
    );
  }
  if (!designer) return <p className="tz-page">{error ?? t('loading')}</p>;
  return (
    <DesignerApp
      designer={designer}
      client={client}
      actions={
        <>
          <AppsLink />
          <PublishButton
            client={client}
            registry={registry}
            canPublishTemplate={me.roles.some((r) => r.id === 'it_admin')}
          />
        </>
      }
    />
  );
}

/** Back to the app list, in the designer's current language. */
function AppsLink() {
  const t = homeT(useLang());
  return (
    <a className="dz-tool tz-apps-link" href="#/">
      {t('home')}
    </a>
  );
}
