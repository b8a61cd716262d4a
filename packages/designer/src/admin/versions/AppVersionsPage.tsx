import { useEffect, useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Field, formatTime, Loading, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';
import { DiffList } from './DiffList.tsx';

/** Pick an app → its published versions with notes → the diff between any two (or the draft). */
export function AppVersionsPage() {
  const { api, t, lang } = useAdmin();
  const apps = useLoad(() => api.apps(), [api]);
  const [app, setApp] = useState('');
  const appId = app || apps.data?.[0]?.id || '';
  const versions = useLoad(() => (appId ? api.appVersions(appId) : Promise.resolve([])), [api, appId]);
  const list = versions.data ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  useEffect(() => {
    const [newest, previous] = versions.data ?? [];
    setTo(newest ? String(newest.version) : '');
    setFrom(previous ? String(previous.version) : newest ? String(newest.version) : '');
  }, [versions.data]);
  const current = apps.data?.find((a) => a.id === appId)?.currentVersion;
  const label = (v: string) => (v === 'draft' ? t('draft') : t('versionN', { n: v }));
  const diff = useLoad(
    () => (appId && from && to ? api.appDiff(appId, from, to) : Promise.resolve(undefined)),
    [api, appId, from, to],
  );

  return (
    <section className="ad-page">
      <PageHead title={t('appVersions')} />
      <ErrorNote error={apps.error} onRetry={apps.reload} />
      {apps.data && apps.data.length === 0 ? <p className="ad-empty">{t('noApps')}</p> : null}
      <div className="ad-toolbar">
        <Field label={t('pickApp')}>
          {(p) => (
            <select {...p} className="ad-input" value={appId} onChange={(e) => setApp(e.target.value)}>
              {(apps.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {nameIn(a.name, lang, a.id)} ({a.id})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={versions.error} onRetry={versions.reload} />
      {versions.loading && !versions.data ? <Loading /> : null}
      <div className="ad-split is-versions">
        <div className="ad-table-wrap">
          <table className="ad-table" aria-label={t('appVersions')}>
            <thead>
              <tr>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('note')}</th>
                <th scope="col">{t('publishedAt')}</th>
                <th scope="col">{t('publishedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.version}>
                  <td>
                    <strong>{t('versionN', { n: v.version })}</strong>
                    {v.version === current ? <span className="ad-badge is-current">{t('current')}</span> : null}
                  </td>
                  <td>
                    {v.note || <span className="ad-muted">—</span>}
                    {v.rollbackOf ? <div className="ad-hint">{t('rollbackOf', { n: v.rollbackOf })}</div> : null}
                  </td>
                  <td className="ad-nowrap">{formatTime(v.publishedAt, lang)}</td>
                  <td>{v.publishedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.data && list.length === 0 ? <p className="ad-empty">{t('noVersions')}</p> : null}
        </div>
        <div>
          {list.length > 0 ? (
            <div className="ad-compare">
              <Field label={t('compareFrom')}>
                {(p) => (
                  <select {...p} className="ad-input" value={from} onChange={(e) => setFrom(e.target.value)}>
                    {list.map((v) => (
                      <option key={v.version} value={String(v.version)}>
                        {label(String(v.version))}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('compareTo')}>
                {(p) => (
                  <select {...p} className="ad-input" value={to} onChange={(e) => setTo(e.target.value)}>
                    <option value="draft">{t('draft')}</option>
                    {list.map((v) => (
                      <option key={v.version} value={String(v.version)}>
                        {label(String(v.version))}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          ) : null}
          <ErrorNote error={diff.error} onRetry={diff.reload} />
          {diff.data ? (
            <DiffList changes={diff.data} title={t('diffTitle', { from: label(from), to: label(to) })} />
          ) : null}
        </div>
      </div>
    </section>
  );
}
