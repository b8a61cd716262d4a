import { useEffect } from 'react';
import { formOf } from '../data/apps.ts';
import { usePersonName } from '../data/people.ts';
import { loadDirectory } from '../data/ports.ts';
import { loadRecord } from '../data/recordLoad.ts';
import { knownOperators } from '../data/session.ts';
import { recordTitle } from '../data/titles.ts';
import { useStoreQuery } from '../data/useStoreQuery.ts';
import { formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';
import { AppRuntime } from '../shell/AppRuntime.tsx';
import { href } from '../shell/router.ts';
import { ConflictChoice } from './ConflictChoice.tsx';
import { RecordValues } from './RecordValues.tsx';
import { StatusTag } from './Submissions.tsx';
import { WorkflowHistory } from './WorkflowHistory.tsx';

/** One record, laid out by the definition version it was filled with, with its approval history. */
export function RecordDetail({ id }: { id: string }) {
  const { t, text, lang } = useApp();
  const loaded = useStoreQuery(() => loadRecord(id), `${id}`, ['record', 'sync']);
  // People show by display name, as in lists: fetch the directory (cached offline) and follow it.
  const person = usePersonName(lang);
  useEffect(() => {
    void loadDirectory(lang, knownOperators());
  }, [lang]);
  if (loaded === undefined) return null;
  const { envelope, local, workflow, app } = loaded;
  const form = formOf(app, envelope.form);
  const name = text(form?.name, envelope.form);
  const title = recordTitle(form, envelope.data);
  const body = (
    <article className="app-detail">
      <header className="app-page-head">
        <h1>{title ? `${name} · ${title}` : name}</h1>
        {local ? <StatusTag status={local.status} /> : null}
      </header>
      <p className="app-meta">
        <span className="app-version">{t('definitionVersion', { v: envelope.version })}</span>
        <span>{t('createdBy', { who: person(envelope.createdBy), time: formatTime(envelope.createdAt, lang) })}</span>
        <a className="gf-button" href={href('print', id)}>
          {t('print')}
        </a>
        {local?.status === 'rejected' ? (
          <a className="gf-button gf-primary" href={href('edit', id)}>
            {t('fixAndResubmit')}
          </a>
        ) : null}
      </p>
      {local?.status === 'rejected' && local.rejection ? (
        <div className="app-rejection" role="alert">
          <p>{local.rejection.message?.[lang] ?? local.rejection.code}</p>
          <ul>
            {local.rejection.problems.map((p) => (
              <li key={`${p.pointer}/${p.code}`}>{p.message[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {local?.status === 'conflict' && form ? <ConflictChoice record={local} form={form} /> : null}
      {form ? <RecordValues form={form} data={envelope.data} /> : <pre>{JSON.stringify(envelope.data, null, 2)}</pre>}
      <WorkflowHistory workflow={workflow} />
    </article>
  );
  return app ? <AppRuntime app={app}>{body}</AppRuntime> : body;
}
