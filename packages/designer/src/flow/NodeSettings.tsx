import { localize, type WorkflowNode } from '@gongfang/schema';
import { addFlowBranch, setFlowName, setFlowRoleValue, setFlowValue } from '../store/flowCommands.ts';
import { useDesigner, useLang } from '../ui/DesignerContext.tsx';
import { BoolProp, ChoiceProp, Group, LocalizedProp } from '../ui/props/controls.tsx';
import { AssigneeEditor } from './AssigneeEditor.tsx';
import { FieldAccessEditor } from './FieldAccessEditor.tsx';
import { useFlowT } from './messages.ts';
import { RoleSelect } from './RoleSelect.tsx';

/** Settings of an approver, CC, end, condition or parallel step. */
export function NodeSettings({ node }: { node: WorkflowNode }) {
  const t = useFlowT();
  const lang = useLang();
  const designer = useDesigner();
  const set = (prop: string, value: unknown) => setFlowValue(designer, node.id, prop, value);
  return (
    <div className="fz-panel dz-props-body">
      <h2 className="fz-panel-title">{t(`kind_${node.type}`)}</h2>
      <LocalizedProp
        label={t('name')}
        value={node.name}
        onChange={(l, text) => setFlowName(designer, node.id, l, text, node.name)}
      />
      {node.type === 'approver' ? (
        <>
          <AssigneeEditor
            label={t('assignee')}
            value={node.assignee}
            onChange={(a, role) => setFlowRoleValue(designer, node.id, 'assignee', a, role)}
          />
          <ChoiceProp
            label={t('mode')}
            value={node.mode ?? 'any'}
            choices={(['any', 'all', 'sequential'] as const).map((m) => ({ value: m, label: t(`mode_${m}`) }))}
            onChange={(v) => set('mode', v)}
          />
          <RoleSelect
            label={t('fallbackRole')}
            value={node.fallbackRole}
            noneLabel={t('autoApprove')}
            onChange={(role) => setFlowRoleValue(designer, node.id, 'fallbackRole', role?.id, role)}
          />
          <BoolProp label={t('signature')} value={node.signature} onChange={(v) => set('signature', v || undefined)} />
          <ChoiceProp
            label={t('commentRequired')}
            value={node.commentRequired ?? 'onReject'}
            choices={(['never', 'onReject', 'always'] as const).map((m) => ({ value: m, label: t(`comment_${m}`) }))}
            onChange={(v) => set('commentRequired', v === 'onReject' ? undefined : v)}
          />
          <BoolProp
            label={t('allowReturn')}
            value={node.allowReturn !== false}
            onChange={(v) => set('allowReturn', v ? undefined : false)}
          />
          <FieldAccessEditor value={node.fieldAccess} onChange={(v) => set('fieldAccess', v)} />
        </>
      ) : null}
      {node.type === 'cc' ? (
        <>
          <AssigneeEditor
            label={t('recipients')}
            value={node.recipients}
            onChange={(a, role) => setFlowRoleValue(designer, node.id, 'recipients', a, role)}
          />
          <FieldAccessEditor value={node.fieldAccess} editable={false} onChange={(v) => set('fieldAccess', v)} />
        </>
      ) : null}
      {node.type === 'end' ? (
        <ChoiceProp
          label={t('outcome')}
          value={node.outcome ?? 'approved'}
          choices={(['approved', 'rejected'] as const).map((m) => ({ value: m, label: t(`outcome_${m}`) }))}
          onChange={(v) => set('outcome', v)}
        />
      ) : null}
      {node.type === 'condition' || node.type === 'parallel' ? (
        <Group title={t('branches')}>
          <ol className="fz-branch-list">
            {node.branches.map((b) => (
              <li key={b.id}>
                <button type="button" className="dz-link" onClick={() => designer.setUi({ flowSelection: b.id })}>
                  {localize(b.name, lang) || b.id}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="dz-button" onClick={() => addFlowBranch(designer, node.id)}>
            + {node.type === 'condition' ? t('addCondition') : t('addBranch')}
          </button>
        </Group>
      ) : null}
    </div>
  );
}
