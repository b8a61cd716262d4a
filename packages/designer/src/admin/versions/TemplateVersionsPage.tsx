import { useEffect, useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Field, formatTime, Loading, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';
import { DiffList } from './DiffList.tsx';

/** Templates the IT department published: versions with notes and sources, the diff between two. */
export function TemplateVersionsPage() {
  const { api, t, lang } = useAdmin();
  const templates = useLoad(() => api.templates(), [api]);
  const [picked, setPicked] = useState('');
  const template = templates.data?.find((x) => x.id === picked) ?? templates.data?.[0];
  const versions = [...(template?.versions ?? [])].sort((a, b) => b.version - a.version);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);
  useEffect(() => {
    const newest = template?.latestVersion ?? 0;
    setTo(newest);
    setFrom(Math.max(1, newest - 1));
  }, [template?.latestVersion]);
  const diff = useLoad(
    () => (template && from && to ? api.templateDiff(template.id, from, to) : Promise.resolve(undefined)),
    [api, template?.id, from, to],
  );
  const label = (n: number) => t('versionN', { n });

  return (
    <section className="ad-page">
      <PageHead title={t('templateVersions')} />
      <ErrorNote error={templates.error} onRetry={templates.reload} />
      {templates.loading && !templates.data ? <Loading /> : null}
      {templates.data && templates.data.length === 0 ? <p className="ad-empty">{t('noTemplates')}</p> : null}
      {template ? (
        <>
          <div className="ad-toolbar">
            <Field label={t('pickTemplate')}>
              {(p) => (
                <select {...p} className="ad-input" value={template.id} onChange={(e) => setPicked(e.target.value)}>
                  {(templates.data ?? []).map((x) => (
                    <option key={x.id} value={x.id}>
                      {nameIn(x.name, lang, x.id)} ({x.id})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {template.description ? <p className="ad-intro">{nameIn(template.description, lang)}</p> : null}
          </div>
          <div className="ad-split is-versions">
            <div className="ad-table-wrap">
              <table className="ad-table" aria-label={t('templateVersions')}>
                <thead>
                  <tr>
                    <th scope="col">{t('version')}</th>
                    <th scope="col">{t('note')}</th>
                    <th scope="col">{t('publishedAt')}</th>
                    <th scope="col">{t('publishedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((v) => (
                    <tr key={v.version}>
                      <td>
                        <strong>{label(v.version)}</strong>
                      </td>
                      <td>
                        {v.note || <span className="ad-muted">—</span>}
                        <div className="ad-hint">{t('source', { app: v.source.app, n: v.source.version })}</div>
                      </td>
                      <td className="ad-nowrap">{formatTime(v.publishedAt, lang)}</td>
                      <td>{v.publishedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <div className="ad-compare">
                <Field label={t('compareFrom')}>
                  {(p) => (
                    <select {...p} className="ad-input" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                      {versions.map((v) => (
                        <option key={v.version} value={v.version}>
                          {label(v.version)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('compareTo')}>
                  {(p) => (
                    <select {...p} className="ad-input" value={to} onChange={(e) => setTo(Number(e.target.value))}>
                      {versions.map((v) => (
                        <option key={v.version} value={v.version}>
                          {label(v.version)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <ErrorNote error={diff.error} onRetry={diff.reload} />
              {diff.data ? (
                <DiffList changes={diff.data} title={t('diffTitle', { from: label(from), to: label(to) })} />
              ) : null}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
