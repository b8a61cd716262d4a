/*
 * Webhook events from the workflow: registered once into the sync engine's afterWorkflowEvent hook,
 * queued in the outbox inside its transaction (never sent from there). `task.created` follows the
 * `task-created` flow events the hook reports; tasks opened by a submission itself are reported
 * only when sync fires the hook for that start (it skips `progressed` starts today).
 */
import { type LocalizedText, localize } from '@gongfang/schema';
import { onAfterWorkflowEvent } from '../records/hooks.ts';
import type { WebhookEvent } from './events.ts';
import { enqueueWebhookEvent } from './outbox.ts';

const OUTCOMES: Partial<Record<string, [WebhookEvent, string, string]>> = {
  approved: ['record.approved', '审批通过', 'Approved'],
  rejected: ['record.rejected', '已驳回', 'Rejected'],
  returned: ['record.returned', '已退回', 'Returned'],
};

function taskSummary(form: LocalizedText, from: string, assignee: string) {
  return {
    summary: {
      'zh-CN': `新待办：${localize(form, 'zh-CN')}（${from} 提交），处理人 ${assignee}`,
      en: `New task: ${localize(form, 'en')} (from ${from}) for ${assignee}`,
    },
  };
}

let installed = false;

export function installNotifyHooks(): void {
  if (installed) return;
  installed = true;
  onAfterWorkflowEvent(async (e) => {
    const formZh = localize(e.form.name, 'zh-CN');
    const formEn = localize(e.form.name, 'en');
    const base = { app: e.app.id, form: e.form.id, recordId: e.record.id, actor: e.actor.name };
    for (const f of e.flowEvents) {
      if (f.type !== 'task-created') continue;
      await enqueueWebhookEvent(e.tx, e.orgId, 'task.created', {
        ...base,
        ...taskSummary(e.form.name, e.record.createdBy, f.task.assignee),
        taskId: f.task.id,
        node: f.task.nodeId,
        assignee: f.task.assignee,
      });
    }
    const outcome = OUTCOMES[e.event];
    if (outcome) {
      await enqueueWebhookEvent(e.tx, e.orgId, outcome[0], {
        ...base,
        summary: {
          'zh-CN': `${outcome[1]}：${formZh}（${e.record.createdBy} 提交），操作人 ${e.actor.name}`,
          en: `${outcome[2]}: ${formEn} (from ${e.record.createdBy}) by ${e.actor.name}`,
        },
      });
    }
    return undefined;
  });
}
