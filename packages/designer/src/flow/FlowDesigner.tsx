import './flow.css';
import { localize } from '@gongfang/schema';
import { ROOT_LIST } from '../store/workflow.ts';
import { formOf, useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { useFlowT } from './messages.ts';
import { NodeList } from './NodeList.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useWorkflow } from './useFlow.ts';

/** The flow tab: the open form's approval flow drawn top to bottom, settings of the selected step. */
export function FlowDesigner() {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const wf = useWorkflow();
  const submit = useDesignerState((s) => formOf(s).permissions.submit);
  const roles = useDesignerState((s) => s.doc.roles);
  const startSelected = useDesignerState((s) => s.ui.flowSelection === '$start');
  const who = (submit ?? []).map((id) => localize(roles.find((r) => r.id === id)?.name, lang) || id);
  return (
    <div className="fz-flow">
      <main className="fz-canvas" aria-label={t('flowCanvas')}>
        <div className="fz-chart">
          <div className={`fz-node is-start${startSelected ? ' is-selected' : ''}`}>
            <button
              type="button"
              className="fz-node-main"
              aria-pressed={startSelected}
              aria-label={t('initiator')}
              onClick={() => designer.setUi({ flowSelection: '$start' })}
            >
              <span className="fz-node-head">{t('initiator')}</span>
              <span className="fz-node-body">
                {t('initiatorWho', { roles: who.length ? who.join(lang === 'en' ? ', ' : '、') : t('nobody') })}
              </span>
            </button>
          </div>
          <NodeList listId={ROOT_LIST} nodes={wf?.nodes ?? []} />
          <div className="fz-end">{t('endOfFlow')}</div>
          {wf?.nodes.length ? null : <p className="fz-empty">{t('noWorkflow')}</p>}
        </div>
      </main>
      <aside className="fz-settings dz-props" aria-label={t('nodeSettings')}>
        <SettingsPanel />
      </aside>
    </div>
  );
}
