import { type Lang, localize } from '@gongfang/schema';
import { type ReactNode, useRef, useState } from 'react';
import type { AutosaveStatus } from '../client/autosave.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { DesignerTab } from '../store/problems.ts';
import { useDesigner, useDesignerState, useLang, useT } from './DesignerContext.tsx';
import { Icon } from './icons.tsx';
import { SaveStatus } from './SaveStatus.tsx';

const TABS: readonly [DesignerTab, MessageKey][] = [
  ['form', 'tabForm'],
  ['flow', 'tabFlow'],
  ['views', 'tabViews'],
  ['settings', 'tabSettings'],
];

export function TopBar({ saveStatus, actions }: { saveStatus: AutosaveStatus | undefined; actions?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const designer = useDesigner();
  const name = useDesignerState((s) => localize(s.doc.name, lang));
  const tab = useDesignerState((s) => s.ui.tab);
  const history = useDesignerState((s) => s.history);
  const preview = useDesignerState((s) => s.ui.panels.preview);
  const file = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const exportFile = () => {
    const blob = new Blob([designer.exportJson()], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${designer.doc.id}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importFile = async (f: File) => {
    const result = designer.importJson(await f.text());
    setNotice(
      result.ok
        ? { ok: true, text: t('imported') }
        : {
            ok: false,
            text:
              t('importFailed') +
              result.errors
                .slice(0, 3)
                .map((e) => e.message[lang])
                .join('；'),
          },
    );
  };

  return (
    <header className="dz-top">
      <div className="dz-brand">
        <span className="dz-logo" aria-hidden="true">
          工
        </span>
        <div>
          <strong>{t('brand')}</strong>
          <span className="dz-app-name">{name}</span>
        </div>
      </div>
      <nav className="dz-tabs" aria-label={t('brand')}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            aria-current={tab === id ? 'page' : undefined}
            onClick={() => designer.setUi({ tab: id })}
          >
            {t(label)}
          </button>
        ))}
      </nav>
      <div className="dz-tools">
        <button
          type="button"
          className="dz-tool"
          disabled={history.undo === 0}
          onClick={() => designer.undo()}
          title={`${t('undo')} (Ctrl+Z)`}
        >
          <Icon name="undo" />
          <span>{t('undo')}</span>
        </button>
        <button
          type="button"
          className="dz-tool"
          disabled={history.redo === 0}
          onClick={() => designer.redo()}
          title={`${t('redo')} (Ctrl+Shift+Z)`}
        >
          <Icon name="redo" />
          <span>{t('redo')}</span>
        </button>
        <span className="dz-sep" />
        <button type="button" className="dz-tool" onClick={() => file.current?.click()}>
          <Icon name="import" />
          <span>{t('import')}</span>
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
        <button type="button" className="dz-tool" onClick={exportFile}>
          <Icon name="export" />
          <span>{t('export')}</span>
        </button>
        <button
          type="button"
          className="dz-tool"
          aria-pressed={preview}
          onClick={() => designer.setUi((ui) => ({ panels: { ...ui.panels, preview: !ui.panels.preview } }))}
        >
          <Icon name="preview" />
          <span>{t('preview')}</span>
        </button>
        <span className="dz-sep" />
        {actions}
        <SaveStatus status={saveStatus} />
        <a className="dz-tool" href="#/admin">
          <span>{t('admin')}</span>
        </a>
        <fieldset className="dz-seg">
          <legend className="dz-sr">{t('language')}</legend>
          {(['zh-CN', 'en'] as Lang[]).map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={lang === l}
              onClick={() => designer.setUi({ lang: l, previewLang: l })}
            >
              {l === 'zh-CN' ? '中文' : 'EN'}
            </button>
          ))}
        </fieldset>
      </div>
      {notice ? (
        <p className={`dz-notice${notice.ok ? '' : ' is-error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
          <button type="button" className="dz-link" onClick={() => setNotice(null)} aria-label="×">
            ×
          </button>
        </p>
      ) : null}
    </header>
  );
}
