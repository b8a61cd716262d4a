import type { Lang } from '@gongfang/schema';

/** Words of the app shell (the form renderer keeps its own in ../i18n/messages.ts). */
export const APP_MESSAGES = {
  brand: { 'zh-CN': '工坊', en: 'Gongfang' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signOut: { 'zh-CN': '退出登录', en: 'Sign out' },
  userName: { 'zh-CN': '用户名', en: 'User name' },
  password: { 'zh-CN': '密码', en: 'Password' },
  badCredentials: { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  switchUser: { 'zh-CN': '切换操作员', en: 'Switch operator' },
  pinTitle: { 'zh-CN': '输入 PIN 或刷工牌', en: 'Enter a PIN or scan a badge' },
  pin: { 'zh-CN': 'PIN 码', en: 'PIN' },
  pinDigit: { 'zh-CN': '数字 {d}', en: 'Digit {d}' },
  clear: { 'zh-CN': '清除', en: 'Clear' },
  confirm: { 'zh-CN': '确认', en: 'Confirm' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  badgeHint: { 'zh-CN': '用扫码枪刷工牌即可直接切换', en: 'Scan a badge with the scanner to switch at once' },
  enrollDevice: { 'zh-CN': '登记为共享平板', en: 'Enroll as a shared tablet' },
  enrolled: { 'zh-CN': '已登记为共享平板', en: 'Enrolled as a shared tablet' },
  needsNetwork: {
    'zh-CN': '此操作需要网络，本机数据已安全保存',
    en: 'This needs the network; everything on this tablet is saved',
  },
  home: { 'zh-CN': '首页', en: 'Home' },
  drafts: { 'zh-CN': '草稿', en: 'Drafts' },
  submissions: { 'zh-CN': '我的提交', en: 'My submissions' },
  inbox: { 'zh-CN': '待办', en: 'Inbox' },
  mainNav: { 'zh-CN': '主导航', en: 'Main navigation' },
  newRecord: { 'zh-CN': '新建{form}', en: 'New {form}' },
  views: { 'zh-CN': '查看', en: 'Views' },
  noApps: {
    'zh-CN': '还没有可用的应用。联网后会自动下载已发布的应用。',
    en: 'No apps yet. Published apps download automatically when the tablet is online.',
  },
  online: { 'zh-CN': '在线', en: 'Online' },
  offline: { 'zh-CN': '离线', en: 'Offline' },
  syncing: { 'zh-CN': '同步中…', en: 'Syncing…' },
  waiting: { 'zh-CN': '{n} 条待同步', en: '{n} waiting to sync' },
  allSynced: { 'zh-CN': '已全部同步', en: 'All synced' },
  lastSync: { 'zh-CN': '上次同步 {time}', en: 'Last sync {time}' },
  neverSynced: { 'zh-CN': '尚未同步', en: 'Not synced yet' },
  syncNow: { 'zh-CN': '立即同步', en: 'Sync now' },
  signInAgain: { 'zh-CN': '重新登录', en: 'Sign in again' },
  syncStatus: { 'zh-CN': '同步状态', en: 'Sync status' },
  needAttention: { 'zh-CN': '{n} 条需处理', en: '{n} need attention' },
  updateReady: { 'zh-CN': '有新版本可用', en: 'Update available' },
  reload: { 'zh-CN': '重新加载', en: 'Reload' },
  saveDraft: { 'zh-CN': '存草稿', en: 'Save draft' },
  draftSaved: { 'zh-CN': '草稿已自动保存 {time}', en: 'Draft saved {time}' },
  draftSaving: { 'zh-CN': '正在保存草稿…', en: 'Saving draft…' },
  discardDraft: { 'zh-CN': '删除草稿', en: 'Delete draft' },
  submitted: { 'zh-CN': '已提交，等待同步', en: 'Submitted, waiting to sync' },
  noDrafts: { 'zh-CN': '没有草稿', en: 'No drafts' },
  noSubmissions: { 'zh-CN': '还没有提交记录', en: 'Nothing submitted yet' },
  updatedAt: { 'zh-CN': '更新于 {time}', en: 'Updated {time}' },
  open: { 'zh-CN': '打开', en: 'Open' },
  statusPending: { 'zh-CN': '待同步', en: 'Waiting' },
  statusSynced: { 'zh-CN': '已同步', en: 'Synced' },
  statusRejected: { 'zh-CN': '被退回', en: 'Rejected' },
  statusConflict: { 'zh-CN': '有冲突', en: 'Conflict' },
  fixAndResubmit: { 'zh-CN': '修改后重新提交', en: 'Fix and resubmit' },
  conflictTitle: { 'zh-CN': '两个版本：请选择保留哪一个', en: 'Two versions: choose which to keep' },
  mine: { 'zh-CN': '我的版本', en: 'My version' },
  theirs: { 'zh-CN': '服务器版本', en: 'Server version' },
  keepMine: { 'zh-CN': '保留我的版本', en: 'Keep my version' },
  keepTheirs: { 'zh-CN': '采用服务器版本', en: 'Use the server version' },
  theirsNotYet: { 'zh-CN': '服务器版本将在下次同步时下载', en: 'The server version downloads with the next sync' },
  definitionVersion: { 'zh-CN': '按表单第 {v} 版填写', en: 'Filled with form version {v}' },
  history: { 'zh-CN': '审批记录', en: 'Approval history' },
  noHistory: { 'zh-CN': '暂无审批记录', en: 'No approval steps yet' },
  print: { 'zh-CN': '打印', en: 'Print' },
  back: { 'zh-CN': '返回', en: 'Back' },
  createdBy: { 'zh-CN': '填写人 {who} · {time}', en: 'By {who} · {time}' },
  workflowStatus: { 'zh-CN': '流程状态', en: 'Workflow' },
  wf_none: { 'zh-CN': '无需审批', en: 'No approval' },
  wf_running: { 'zh-CN': '审批中', en: 'In approval' },
  wf_approved: { 'zh-CN': '已通过', en: 'Approved' },
  wf_rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  wf_returned: { 'zh-CN': '已退回', en: 'Returned' },
  wf_withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  noTasks: { 'zh-CN': '没有待办', en: 'Nothing to do' },
  approve: { 'zh-CN': '同意', en: 'Approve' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  return: { 'zh-CN': '退回修改', en: 'Return' },
  comment: { 'zh-CN': '评论', en: 'Comment' },
  commentLabel: { 'zh-CN': '意见', en: 'Comment' },
  signatureNeeded: { 'zh-CN': '此步骤需要签名', en: 'This step needs a signature' },
  signHere: { 'zh-CN': '审批签名', en: 'Approval signature' },
  actionQueued: { 'zh-CN': '已记录，联网后发送', en: 'Recorded; sent when online' },
  search: { 'zh-CN': '搜索', en: 'Search' },
  sortBy: { 'zh-CN': '排序', en: 'Sort by' },
  ascending: { 'zh-CN': '升序', en: 'Ascending' },
  descending: { 'zh-CN': '降序', en: 'Descending' },
  all: { 'zh-CN': '全部', en: 'All' },
  rows: { 'zh-CN': '{n} 条', en: '{n} rows' },
  fromDevice: { 'zh-CN': '离线：显示本机记录', en: 'Offline: showing records on this tablet' },
  chart: { 'zh-CN': '图表', en: 'Chart' },
  guardWarning: { 'zh-CN': '库存提醒', en: 'Stock check' },
  guardNote: {
    'zh-CN': '按上次同步的结存加本机记录估算，以服务器为准',
    en: 'Estimated from the last synced balance plus this tablet’s records; the server decides',
  },
  rejectedReason: { 'zh-CN': '退回原因', en: 'Why it was refused' },
  signedInAs: { 'zh-CN': '当前：{name}', en: 'Signed in: {name}' },
  othersDrafts: {
    'zh-CN': '本机另有 {n} 份其他人的未同步内容，已安全保存',
    en: '{n} item(s) of other operators are kept safe on this tablet',
  },
  printedAt: { 'zh-CN': '打印时间 {time}', en: 'Printed {time}' },
  photos: { 'zh-CN': '照片', en: 'Photos' },
  notFound: { 'zh-CN': '找不到此记录', en: 'Record not found' },
} as const satisfies Record<string, Record<Lang, string>>;

export type AppMessageKey = keyof typeof APP_MESSAGES;
export type AppTranslate = (key: AppMessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function appTranslate(lang: Lang): AppTranslate {
  return (key, params) => {
    const text: string = APP_MESSAGES[key][lang];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
  };
}

export function formatTime(ms: number | string | undefined, lang: Lang): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return d.toLocaleString(lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
