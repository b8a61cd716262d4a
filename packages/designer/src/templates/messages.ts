import type { Lang } from '@gongfang/schema';
import { makeT } from '../flow/messages.ts';

export const HOME_MESSAGES = {
  title: { 'zh-CN': '工坊 设计器', en: 'Gongfang Designer' },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  user: { 'zh-CN': '用户名', en: 'User name' },
  password: { 'zh-CN': '密码', en: 'Password' },
  notDesigner: {
    'zh-CN': '只有车间主任、编辑或 IT 管理员可以设计应用',
    en: 'Only workshop leads, editors and IT admins may design apps',
  },
  apps: { 'zh-CN': '我的应用', en: 'Apps' },
  open: { 'zh-CN': '打开 {name}', en: 'Open {name}' },
  version: { 'zh-CN': '已发布 v{v}', en: 'Published v{v}' },
  unpublished: { 'zh-CN': '未发布', en: 'Not published' },
  newApp: { 'zh-CN': '新建空白应用', en: 'New empty app' },
  appId: { 'zh-CN': '应用标识（英文小写）', en: 'App id (lower-case)' },
  appName: { 'zh-CN': '应用名称', en: 'App name' },
  create: { 'zh-CN': '创建', en: 'Create' },
  templates: { 'zh-CN': '从模板新建', en: 'New from a template' },
  useTemplate: { 'zh-CN': '用模板 {name} 新建', en: 'New app from {name}' },
  noTemplates: { 'zh-CN': '还没有模板', en: 'No templates yet' },
  home: { 'zh-CN': '应用列表', en: 'Apps' },
  signOut: { 'zh-CN': '退出', en: 'Sign out' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
} as const satisfies Record<string, Record<Lang, string>>;

export const homeT = (lang: Lang) => makeT(HOME_MESSAGES, lang);
