import { type Lang, localize } from '@gongfang/schema';
import { useMemo, useState } from 'react';
import { FormView } from '../form/FormView.tsx';
import { createMemoryAttachments } from '../ports/attachments.ts';
import { createMemoryRecords } from '../ports/records.ts';
import { RuntimeProvider } from '../RuntimeContext.tsx';
import { EXAMPLE_APPS, SEED_RECORDS, seedMembers } from './examples.ts';

const attachments = createMemoryAttachments();
const records = createMemoryRecords(SEED_RECORDS);

function fromUrl(): { app: number; form: number; lang: Lang } {
  const q = new URLSearchParams(location.search);
  const app = Math.max(
    0,
    EXAMPLE_APPS.findIndex((a) => a.id === q.get('app')),
  );
  const forms = EXAMPLE_APPS[app]?.forms ?? [];
  const form = Math.max(
    0,
    forms.findIndex((f) => f.id === q.get('form')),
  );
  return { app, form, lang: q.get('lang') === 'en' ? 'en' : 'zh-CN' };
}

/**
 * The dev/preview page: each example app's forms rendered by the runtime, with a language switch.
 * `?app=inventory&form=stock_in&lang=en` opens a given form (Playwright uses it).
 */
export function PreviewApp() {
  const initial = useMemo(fromUrl, []);
  const [appIndex, setApp] = useState(initial.app);
  const [formIndex, setForm] = useState(initial.form);
  const [lang, setLang] = useState<Lang>(initial.lang);
  const [submitted, setSubmitted] = useState<string | undefined>(undefined);
  const app = EXAMPLE_APPS[appIndex] ?? EXAMPLE_APPS[0]!;
  const form = app.forms[formIndex] ?? app.forms[0];
  const directory = useMemo(() => ({ members: seedMembers(lang) }), [lang]);
  const ui =
    lang === 'en'
      ? { app: 'App', form: 'Form', lang: 'Language', sent: 'Submitted' }
      : { app: '应用', form: '表单', lang: '语言', sent: '已提交' };

  return (
    <RuntimeProvider lang={lang} directory={directory} roles={app.roles} attachments={attachments} records={records}>
      <header className="pv-bar" lang={lang}>
        <strong className="pv-brand">{lang === 'en' ? 'Gongfang' : '工坊'}</strong>
        <label>
          <span>{ui.app}</span>
          <select
            value={appIndex}
            onChange={(e) => {
              setApp(Number(e.target.value));
              setForm(0);
              setSubmitted(undefined);
            }}
          >
            {EXAMPLE_APPS.map((a, i) => (
              <option key={a.id} value={i}>
                {localize(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
        {app.forms.length > 1 ? (
          <label>
            <span>{ui.form}</span>
            <select value={formIndex} onChange={(e) => setForm(Number(e.target.value))}>
              {app.forms.map((f, i) => (
                <option key={f.id} value={i}>
                  {localize(f.name, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <fieldset className="pv-lang">
          <legend className="gf-sr">{ui.lang}</legend>
          {(['zh-CN', 'en'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l}>
              {l === 'zh-CN' ? '中文' : 'English'}
            </button>
          ))}
        </fieldset>
      </header>
      {form ? (
        <main className="pv-main" lang={lang}>
          <h1 className="pv-title">{localize(form.name, lang)}</h1>
          {form.description ? <p className="pv-desc">{localize(form.description, lang)}</p> : null}
          {submitted ? (
            <pre className="pv-result" title={ui.sent}>
              {submitted}
            </pre>
          ) : null}
          <FormView
            key={`${app.id}/${form.id}`}
            form={form}
            engineOptions={{ user: 'sun.li' }}
            onSubmit={(data) => setSubmitted(JSON.stringify(data, null, 2))}
          />
        </main>
      ) : null}
    </RuntimeProvider>
  );
}
