import { type Assignee, type Lang, localize, type Role, type WorkflowNode } from '@gongfang/schema';
import { FLOW_MESSAGES, makeT } from './messages.ts';

/** One line saying who a task goes to, as the node card shows it; `roles`: what role pickers offer. */
export function assigneeText(a: Assignee, roles: readonly Role[], lang: Lang): string {
  const t = makeT(FLOW_MESSAGES, lang);
  switch (a.kind) {
    case 'users':
      return a.users.filter(Boolean).join(lang === 'en' ? ', ' : '、') || t('nobody');
    case 'role': {
      const role = roles.find((x) => x.id === a.role);
      return `${t('role')}: ${role ? localize(role.name, lang) : a.role || t('nobody')}`;
    }
    case 'initiatorLead':
      return (a.level ?? 1) === 1 ? t('who_initiatorLead') : t('levelN', { n: a.level ?? 1 });
    case 'field':
      return `${t('who_field')}: ${a.field}`;
  }
}

export function nodeSummary(node: WorkflowNode, roles: readonly Role[], lang: Lang): string {
  const t = makeT(FLOW_MESSAGES, lang);
  switch (node.type) {
    case 'approver': {
      const who = assigneeText(node.assignee, roles, lang);
      return node.mode && node.mode !== 'any' ? `${who} · ${t(`mode_${node.mode}`)}` : who;
    }
    case 'cc':
      return assigneeText(node.recipients, roles, lang);
    case 'end':
      return t(`outcome_${node.outcome ?? 'approved'}`);
    default:
      return '';
  }
}
