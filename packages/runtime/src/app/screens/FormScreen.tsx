import type { AppDefinition, Form } from '@gongfang/schema';
import { useEffect, useState } from 'react';
import { useFormEngine } from '../../engine/useFormEngine.ts';
import { FormView } from '../../form/FormView.tsx';
import { appAt, formOf } from '../data/apps.ts';
import { attachmentIds } from '../data/fileRefs.ts';
import { checkGuards, fillGuardMessage, type GuardWarning, postingsOf } from '../data/postings.ts';
import { getServices } from '../data/services.ts';
import { formatTime } from '../i18n.ts';
import { useApp } from '../shell/AppContext.ts';
import { AppRuntime } from '../shell/AppRuntime.tsx';
import { go } from '../shell/router.ts';
import { useAutosave } from './useAutosave.ts';

interface Loaded {
  app: AppDefinition;
  form: Form;
  data?: Record<string, unknown>;
  /** Revision a resubmission builds on (a rejected or synced record being fixed). */
  baseRevision?: number;
}

/** Loads a draft, a record to fix, or a new record's definition, then shows the form. */
export function FormScreen({ recordId, app, form }: { recordId: string; app?: string; form?: string }) {
  const { t } = useApp();
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  useEffect(() => {
    const { store } = getServices();
    void (async () => {
      const draft = await store.getDraft(recordId);
      const record = draft ? undefined : await store.getRecord(recordId);
      const source = draft ?? record;
      const appId = source?.app ?? app;
      const formId = source?.form ?? form;
      if (!appId || !formId) return setLoaded(null);
      const def = await appAt(store, appId, source?.version);
      const f = formOf(def, formId);
      if (!def || !f) return setLoaded(null);
      const data = draft?.data ?? record?.envelope.data;
      const base = draft?.baseRevision ?? record?.serverRevision ?? (record ? 0 : undefined);
      setLoaded({
        app: def,
        form: f,
        ...(data ? { data } : {}),
        ...(base === undefined ? {} : { baseRevision: base }),
      });
    })();
  }, [recordId, app, form]);
  if (loaded === undefined) return null;
  if (loaded === null) return <p className="app-empty">{t('notFound')}</p>;
  return (
    <AppRuntime app={loaded.app}>
      <RecordForm key={recordId} recordId={recordId} {...loaded} />
    </AppRuntime>
  );
}

function RecordForm({ recordId, app, form, data, baseRevision }: Loaded & { recordId: string }) {
  const { t, text, lang, operator } = useApp();
  const { store } = getServices();
  const engine = useFormEngine(form, { user: operator.id, ...(data ? { data } : {}) });
  const saved = useAutosave(engine, { recordId, app: app.id, form: form.id, version: app.version, baseRevision });
  const [warnings, setWarnings] = useState<GuardWarning[]>([]);
  const [confirmed, setConfirmed] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    if (!confirmed) {
      const found = await checkGuards(app, form, values, (ledger, key) => store.availableBalance(app.id, ledger, key));
      if (found.length > 0) {
        setWarnings(found);
        setConfirmed(true);
        return;
      }
    }
    await saved.flush();
    await store.submitRecord({
      id: recordId,
      app: app.id,
      form: form.id,
      version: app.version,
      data: values,
      attachments: attachmentIds(values),
      postings: postingsOf(form, values),
    });
    go('record', recordId);
  };

  return (
    <div className="app-form-screen">
      <header className="app-page-head">
        <h1>{text(form.name, form.id)}</h1>
        <p className="app-muted" aria-live="polite">
          {saved.pending
            ? t('draftSaving')
            : saved.savedAt
              ? t('draftSaved', { time: formatTime(saved.savedAt, lang) })
              : ''}
        </p>
      </header>
      {form.description ? <p className="app-muted">{text(form.description)}</p> : null}
      <FormView form={form} engine={engine} onSubmit={(values) => void submit(values)}>
        {warnings.length > 0 ? (
          <div className="app-guard" role="alert">
            <strong>{t('guardWarning')}</strong>
            <ul>
              {warnings.map((w) => (
                <li key={JSON.stringify(w.key)}>{fillGuardMessage(text(w.message, ''), w)}</li>
              ))}
            </ul>
            <p className="app-muted">{t('guardNote')}</p>
          </div>
        ) : null}
      </FormView>
    </div>
  );
}
