import type { ApproverNode, Lang, Role } from '@gongfang/schema';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addFlowNode } from '../store/flowCommands.ts';
import { findNode, ROOT_LIST } from '../store/workflow.ts';
import { TestDesigner } from '../test/TestDesigner.ts';
import { DesignerContext } from '../ui/DesignerContext.tsx';
import { FlowDesigner } from './FlowDesigner.tsx';

/** A role IT created in the admin pages: only the server knows it. */
const inspector: Role = { id: 'line_inspector', name: { 'zh-CN': '巡线员', en: 'Line inspector' } };
const itAdmin: Role = { id: 'it_admin', name: { 'zh-CN': 'IT 管理员', en: 'IT admin' } };

const WORDS = {
  en: {
    canvas: 'Approval flow',
    settings: 'Step settings',
    chosenBy: 'Chosen by',
    role: 'Role',
    initiator: 'Initiator',
  },
  'zh-CN': { canvas: '审批流程', settings: '节点设置', chosenBy: '选择方式', role: '角色', initiator: '发起人' },
} as const;

/** The flow tab with one approver selected, its assignee chosen by role. */
function openApprover(lang: Lang, orgRoles: readonly Role[] | null) {
  const d = new TestDesigner({ lang, orgRoles });
  const id = addFlowNode(d, ROOT_LIST, 0, 'approver')!;
  render(
    <DesignerContext.Provider value={d}>
      <FlowDesigner />
    </DesignerContext.Provider>,
  );
  const w = WORDS[lang];
  const settings = screen.getByRole('complementary', { name: w.settings });
  fireEvent.change(within(settings).getByRole('combobox', { name: w.chosenBy }), { target: { value: 'role' } });
  const picker = within(settings).getByRole('combobox', { name: w.role }) as HTMLSelectElement;
  return { d, id, picker, w };
}

const offered = (picker: HTMLSelectElement) => [...picker.options].map((o) => o.textContent);

describe('role pickers in the flow designer', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`offer a role IT created on the server and declare it with its name when picked (${lang})`, () => {
      const { d, id, picker, w } = openApprover(lang, [itAdmin, inspector]);
      const label = inspector.name[lang] as string;
      expect(within(picker).getByRole('option', { name: label })).toBeTruthy();
      fireEvent.change(picker, { target: { value: 'line_inspector' } });
      expect((findNode(d.form.workflow, id)!.node as ApproverNode).assignee).toEqual({
        kind: 'role',
        role: 'line_inspector',
      });
      expect(d.doc.roles).toContainEqual(inspector);
      const canvas = screen.getByRole('main', { name: w.canvas });
      expect(canvas.textContent).toContain(label);
      // One undo step takes back both the assignee and the declaration.
      d.undo();
      expect(d.doc.roles.map((r) => r.id)).not.toContain('line_inspector');
    });
  }

  it("lists the app's roles first, then the organization's, and not the usual factory roles beside them", () => {
    const { picker } = openApprover('en', [itAdmin, inspector]);
    expect(offered(picker)).toEqual(['Pick a role', 'Staff', 'IT admin', 'Line inspector']);
  });

  it('falls back to the usual factory roles without a server list', () => {
    const { picker } = openApprover('en', null);
    expect(offered(picker)).toContain('QC engineer');
    expect(offered(picker)).not.toContain('Line inspector');
  });

  it('offers a server role once it arrives after the designer opened', () => {
    const { d, picker } = openApprover('en', null);
    expect(offered(picker)).not.toContain('Line inspector');
    act(() => d.setOrgRoles([inspector]));
    expect(offered(picker)).toEqual(['Pick a role', 'Staff', 'Line inspector']);
  });

  it('the initiator settings offer the server role as a checkbox, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const d = new TestDesigner({ lang, orgRoles: [inspector] });
      const { unmount } = render(
        <DesignerContext.Provider value={d}>
          <FlowDesigner />
        </DesignerContext.Provider>,
      );
      const w = WORDS[lang];
      fireEvent.click(within(screen.getByRole('main', { name: w.canvas })).getByRole('button', { name: w.initiator }));
      const settings = screen.getByRole('complementary', { name: w.settings });
      fireEvent.click(within(settings).getByRole('checkbox', { name: inspector.name[lang] as string }));
      expect(d.form.permissions.submit).toContain('line_inspector');
      expect(d.doc.roles).toContainEqual(inspector);
      unmount();
    }
  });
});
