import { type ReactNode, useEffect } from 'react';
import type { DraftClient } from '../client/draftClient.ts';
import { useAutosave } from '../client/useAutosave.ts';
import { FlowDesigner } from '../flow/FlowDesigner.tsx';
import type { Designer } from '../store/Designer.ts';
import { ViewsDesigner } from '../views/ViewsDesigner.tsx';
import { DesignerContext, useDesignerState, useT } from './DesignerContext.tsx';
import { FormDesigner } from './form/FormDesigner.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { PreviewPane } from './preview/PreviewPane.tsx';
import { TopBar } from './TopBar.tsx';
import { useShortcuts } from './useShortcuts.ts';

export interface DesignerAppProps {
  designer: Designer;
  /** Where drafts are saved; without one the draft stays in this page. */
  client?: DraftClient;
  /** Extra top-bar buttons (publish, back to the app list) when served by the server. */
  actions?: ReactNode;
}

/** The whole designer: top bar with tabs, the tab's workspace, problems and the preview. */
export function DesignerApp({ designer, client, actions }: DesignerAppProps) {
  return (
    <DesignerContext.Provider value={designer}>
      <Shell designer={designer} client={client} actions={actions} />
    </DesignerContext.Provider>
  );
}

function Shell({ designer, client, actions }: DesignerAppProps) {
  const t = useT();
  const tab = useDesignerState((s) => s.ui.tab);
  const lang = useDesignerState((s) => s.ui.lang);
  const preview = useDesignerState((s) => s.ui.panels.preview);
  useShortcuts(designer);
  const saveStatus = useAutosave(designer, client);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className={`dz-app${preview ? ' with-preview' : ''}`} lang={lang}>
      <TopBar saveStatus={saveStatus} actions={actions} />
      <div className="dz-workspace">
        <div className="dz-main">
          {tab === 'form' ? (
            <FormDesigner />
          ) : tab === 'flow' ? (
            <FlowDesigner />
          ) : tab === 'views' ? (
            <ViewsDesigner />
          ) : (
            <p className="dz-later">{t('laterPart')}</p>
          )}
          <ProblemsPanel />
        </div>
        {preview ? <PreviewPane /> : null}
      </div>
    </div>
  );
}
