import { type Lang, localize } from '@gongfang/schema';
import { useEffect, useState } from 'react';
import type { AppSummary, RegistryClient, TemplateInfo } from '../publish/registryClient.ts';
import { emptyApp } from '../store/emptyApp.ts';
import { homeT } from './messages.ts';

/** The designer's home: apps to open, a new empty app, a new app from a template. */
export function AppHome({
  registry,
  lang,
  onOpen,
}: {
  registry: RegistryClient;
  lang: Lang;
  onOpen: (id: string) => void;
}) {
  const t = homeT(lang);
  const [apps, setApps] = useState<AppSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void registry.apps().then((list) => setApps(list.filter((a) => a.canDesign !== false)));
    void registry.templates().then(setTemplates);
  }, [registry]);
  const create = async (appId: string, appName: string, fromTemplate?: { id: string; version: number }) => {
    const result = await registry.createApp(
      appId,
      { 'zh-CN': appName || appId, en: appName || appId },
      fromTemplate ? { template: fromTemplate } : { definition: emptyApp() },
    );
    if (result.ok) onOpen(appId);
    else setError(result.message[lang]);
  };
  return (
    <div className="tz-home">
      <section className="tz-card" aria-label={t('newApp')}>
        <h2>{t('newApp')}</h2>
        <form
          className="tz-new"
          onSubmit={(e) => {
            e.preventDefault();
            void create(id, name);
          }}
        >
          <label>
            {t('appId')}
            <input value={id} pattern="[a-z][a-z0-9_]*" onChange={(e) => setId(e.target.value)} />
          </label>
          <label>
            {t('appName')}
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="dz-button is-primary">
            {t('create')}
          </button>
        </form>
        {error ? <p role="alert">{error}</p> : null}
      </section>
      <section className="tz-card" aria-label={t('templates')}>
        <h2>{t('templates')}</h2>
        {templates.length === 0 ? <p className="dz-hint">{t('noTemplates')}</p> : null}
        <ul className="tz-list">
          {templates.map((tpl) => (
            <li key={tpl.id}>
              <span>
                <strong>{localize(tpl.name, lang)}</strong> <small>v{tpl.latestVersion}</small>
                {tpl.description ? <small> · {localize(tpl.description, lang)}</small> : null}
              </span>
              <button
                type="button"
                className="dz-button dz-small"
                aria-label={t('useTemplate', { name: localize(tpl.name, lang) })}
                onClick={() =>
                  void create(id || `${tpl.id}_${Date.now() % 10000}`, name, { id: tpl.id, version: tpl.latestVersion })
                }
              >
                {t('create')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="tz-card tz-apps" aria-label={t('apps')}>
        <h2>{t('apps')}</h2>
        {apps === null ? <p>{t('loading')}</p> : null}
        <ul className="tz-list">
          {(apps ?? []).map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="dz-link"
                aria-label={t('open', { name: localize(a.name, lang) })}
                onClick={() => onOpen(a.id)}
              >
                {localize(a.name, lang)}
              </button>
              <small>{a.currentVersion ? t('version', { v: a.currentVersion }) : t('unpublished')}</small>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
