import '@gongfang/runtime/styles.css';
import '../styles/designer.css';
import type { AppDefinition, Lang } from '@gongfang/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import inventory from '../../../../examples/inventory/app.json';
import inspection from '../../../../examples/quality-inspection/app.json';
import handover from '../../../../examples/shift-handover/app.json';
import { AdminApp } from '../admin/AdminApp.tsx';
import { memoryDraftClient } from '../client/draftClient.ts';
import { createDesigner } from '../store/Designer.ts';
import { emptyApp } from '../store/emptyApp.ts';
import { ServerDesigner } from '../templates/ServerDesigner.tsx';
import { DesignerApp } from '../ui/DesignerApp.tsx';

const EXAMPLES: Record<string, unknown> = { inventory, 'quality-inspection': inspection, 'shift-handover': handover };

/**
 * The dev page: `?app=inventory` opens an example (`&form=1` its second form), no `app` an empty
 * app; `&lang=en` starts in English. Drafts autosave to an in-page stand-in for the server.
 */
const q = new URLSearchParams(location.search);
const example = EXAMPLES[q.get('app') ?? ''] as AppDefinition | undefined;
const lang: Lang = q.get('lang') === 'en' ? 'en' : 'zh-CN';
const definition = example ?? emptyApp();
const designer = createDesigner({ definition, lang });
const formIndex = Number(q.get('form') ?? 0);
if (formIndex > 0 && formIndex < definition.forms.length) designer.setUi({ formIndex });
const client = memoryDraftClient({ definition, revision: 1 });
designer.markSaved(designer.state.changes, 1);
Object.assign(window, { designer });

const root = document.getElementById('root');
// #/admin/… is the IT department's pages, against the server this page is served by.
const isAdmin = () => location.hash.startsWith('#/admin');
const adminAtLoad = isAdmin();
window.addEventListener('hashchange', () => {
  if (isAdmin() !== adminAtLoad) location.reload();
});
if (root && adminAtLoad) {
  createRoot(root).render(
    <StrictMode>
      <AdminApp lang={lang} designerHref={`${location.pathname}${location.search}`} />
    </StrictMode>,
  );
} else if (root && location.pathname.startsWith('/designer')) {
  // Served by the server at /designer/: sign in, apps, drafts and publishing on the real registry.
  createRoot(root).render(
    <StrictMode>
      <ServerDesigner lang={lang} />
    </StrictMode>,
  );
} else if (root) {
  createRoot(root).render(
    <StrictMode>
      <DesignerApp designer={designer} client={client} />
    </StrictMode>,
  );
}
