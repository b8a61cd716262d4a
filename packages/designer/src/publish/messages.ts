import type { Lang } from '@gongfang/schema';
import { useMemo } from 'react';
import { makeT } from '../flow/messages.ts';
import { useLang } from '../ui/DesignerContext.tsx';

export const PUBLISH_MESSAGES = {
  publish: { 'zh-CN': '发布', en: 'Publish' },
  publishTitle: { 'zh-CN': '发布新版本', en: 'Publish a new version' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  note: { 'zh-CN': '版本说明', en: 'Version note' },
  notePlaceholder: { 'zh-CN': '这一版改了什么', en: 'What changed in this version' },
  saving: { 'zh-CN': '正在保存草稿…', en: 'Saving the draft…' },
  changes: { 'zh-CN': '与已发布版本 v{v} 相比的变化', en: 'Changes since the published version v{v}' },
  firstVersion: { 'zh-CN': '首次发布：尚无已发布版本', en: 'First publish: nothing published yet' },
  noChanges: { 'zh-CN': '没有变化', en: 'No changes' },
  localProblems: {
    'zh-CN': '还有 {n} 个问题，服务器会拒绝发布',
    en: '{n} problem(s) left: the server will refuse to publish',
  },
  serverProblems: { 'zh-CN': '服务器拒绝发布：', en: 'The server refused to publish:' },
  confirmTitle: { 'zh-CN': '这些字段中有已提交的数据', en: 'These fields hold submitted data' },
  confirmHint: {
    'zh-CN': '请为每个字段选择一个类型兼容的新字段来承接数据，或明确选择放弃。',
    en: 'Map each one to a new field of a compatible type, or drop its data knowingly.',
  },
  stranded: {
    'zh-CN': '{field}（{old} → {next}，{n} 条记录）',
    en: '{field} ({old} → {next}, {n} record(s))',
  },
  removed: { 'zh-CN': '已删除', en: 'removed' },
  drop: { 'zh-CN': '放弃这些数据', en: 'Drop the data knowingly' },
  mapTo: { 'zh-CN': '{field} 的数据转到', en: 'Move the data of {field} to' },
  publishMapped: { 'zh-CN': '确认并发布', en: 'Confirm and publish' },
  published: { 'zh-CN': '已发布版本 v{v}', en: 'Published version v{v}' },
  versions: { 'zh-CN': '版本记录', en: 'Versions' },
  noVersions: { 'zh-CN': '还没有发布过', en: 'Not published yet' },
  asTemplate: { 'zh-CN': '发布为模板', en: 'Publish as template' },
  templatePublished: { 'zh-CN': '已发布为模板', en: 'Published as a template' },
  templateNeedsVersion: {
    'zh-CN': '请先发布应用，再把已发布版本发布为模板',
    en: 'Publish the app first; its published version becomes the template',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function usePublishT() {
  const lang = useLang();
  return useMemo(() => makeT(PUBLISH_MESSAGES, lang), [lang]);
}
