import { FormView, RuntimeProvider } from '@gongfang/runtime';
import { type Form, type Lang, localize } from '@gongfang/schema';
import { Component, type ReactNode, useDeferredValue, useState } from 'react';
import { formOf, useDesigner, useDesignerState, useT } from '../DesignerContext.tsx';
import { sampleData } from './sampleData.ts';

const TABLET = { width: 1024, height: 768 };
const SCALE = 0.42;

/** The open form through packages/runtime, in a 1024×768 tablet frame scaled to fit, with test data. */
export function PreviewPane() {
  const t = useT();
  const designer = useDesigner();
  const form = useDeferredValue(useDesignerState(formOf));
  const lang = useDesignerState((s) => s.ui.previewLang);
  const roles = useDesignerState((s) => s.doc.roles);
  const blocked = useDesignerState((s) => s.problems.some((p) => p.tab === 'form' && p.formIndex === s.ui.formIndex));
  const [data, setData] = useState<Record<string, unknown> | undefined>(undefined);
  const [run, setRun] = useState(0);
  return (
    <aside className="dz-preview" aria-label={t('previewTitle')}>
      <header className="dz-preview-bar">
        <h2 className="dz-panel-title">{t('previewTitle')}</h2>
        <fieldset className="dz-seg">
          <legend className="dz-sr">{t('previewLang')}</legend>
          {(['zh-CN', 'en'] as Lang[]).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} onClick={() => designer.setUi({ previewLang: l })}>
              {l === 'zh-CN' ? '中文' : 'EN'}
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          className="dz-button dz-small"
          onClick={() => {
            setData(sampleData(form, lang));
            setRun((n) => n + 1);
          }}
        >
          {t('sampleData')}
        </button>
        <button
          type="button"
          className="dz-button dz-small"
          onClick={() => {
            setData(undefined);
            setRun((n) => n + 1);
          }}
        >
          {t('clearData')}
        </button>
        <button
          type="button"
          className="dz-button dz-small"
          onClick={() => designer.setUi((ui) => ({ panels: { ...ui.panels, preview: false } }))}
        >
          {t('closePreview')}
        </button>
      </header>
      <div className="dz-tablet" style={{ width: TABLET.width * SCALE + 24, height: TABLET.height * SCALE + 24 }}>
        <div
          className="dz-tablet-screen"
          style={{ width: TABLET.width, height: TABLET.height, transform: `scale(${SCALE})` }}
        >
          {blocked ? (
            <p className="dz-preview-blocked">{t('previewInvalid')}</p>
          ) : (
            <RuntimeProvider lang={lang} roles={roles}>
              <div className="dz-preview-page" lang={lang}>
                <h1>{localize(form.name, lang)}</h1>
                <Guard key={`${run}:${lang}`} form={form}>
                  <FormView
                    form={form}
                    engineOptions={{ user: 'preview', ...(data ? { data } : {}) }}
                    submitLabel={null}
                  />
                </Guard>
              </div>
            </RuntimeProvider>
          )}
        </div>
      </div>
    </aside>
  );
}

/** A definition the runtime cannot draw yet must not take the designer down with it. */
class Guard extends Component<{ form: Form; children: ReactNode }, { failed: Form | null }> {
  override state = { failed: null as Form | null };
  static getDerivedStateFromError() {
    return { failed: {} as Form };
  }
  override componentDidUpdate(prev: { form: Form }) {
    if (prev.form !== this.props.form && this.state.failed) this.setState({ failed: null });
  }
  override render() {
    return this.state.failed ? <p className="dz-preview-blocked">⚠</p> : this.props.children;
  }
}
