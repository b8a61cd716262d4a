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
import { RecordValues } from './RecordValues.tsx';
import { WorkflowHistory } from './WorkflowHistory.tsx';

/** A4 page of one record for the paper folder: values, photos, signatures, approval history. */
export function PrintView({ id }: { id: string }) {
  const { t, text, lang } = useApp();
  const loaded = useStoreQuery(() => loadRecord(id), `${id}`, []);
  const person = usePersonName(lang);
  useEffect(() => {
    void loadDirectory(lang, knownOperators());
  }, [lang]);
  if (loaded === undefined) return null;
  const { envelope, app, workflow } = loaded;
  const form = formOf(app, envelope.form);
  const title = recordTitle(form, envelope.data);
  const page = (
    <article className="app-print">
      <div className="app-print-actions">
        <a className="gf-button" href={href('record', id)}>
          {t('back')}
        </a>
        <button type="button" className="gf-button gf-primary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <header className="app-print-head">
        <p>{text(app?.name, envelope.app)}</p>
        <h1>
          {text(form?.name, envelope.form)}
          {title ? ` · ${title}` : ''}
        </h1>
        <p className="app-print-meta">
          {t('definitionVersion', { v: envelope.version })} ·{' '}
          {t('createdBy', { who: person(envelope.createdBy), time: formatTime(envelope.createdAt, lang) })} · ID{' '}
          {envelope.id}
        </p>
      </header>
      {form ? <RecordValues form={form} data={envelope.data} /> : null}
      <WorkflowHistory workflow={workflow} />
      <footer className="app-print-foot">{t('printedAt', { time: formatTime(Date.now(), lang) })}</footer>
    </article>
  );
  return app ? <AppRuntime app={app}>{page}</AppRuntime> : page;
}
