import type { EngineOptions, Form, FormEngine, Lang, Role } from '@gongfang/schema';
import { render } from '@testing-library/react';
import { createRuntimeEngine } from '../engine/useFormEngine.ts';
import { FormView, type FormViewProps } from '../form/FormView.tsx';
import { type AttachmentStore, createMemoryAttachments } from '../ports/attachments.ts';
import type { Member } from '../ports/directory.ts';
import { createMemoryRecords, type RecordSource } from '../ports/records.ts';
import { RuntimeProvider } from '../RuntimeContext.tsx';

export const MEMBERS: Member[] = [
  { id: 'zhou.min', name: '周敏', roles: ['qc'] },
  { id: 'huang.tao', name: '黄涛', roles: ['qc'] },
  { id: 'sun.li', name: '孙丽', roles: ['warehouse_keeper'] },
];

export const ROLES: Role[] = [
  { id: 'qc', name: { 'zh-CN': '质检员', en: 'QC engineer' } },
  { id: 'warehouse_keeper', name: { 'zh-CN': '仓管员', en: 'Warehouse keeper' } },
];

export interface Harness {
  engine: FormEngine;
  attachments: AttachmentStore;
  submitted: Record<string, unknown>[];
  /** Renders again in another language, as the app's language switch does. */
  switchLang: (lang: Lang) => void;
}

/** Renders a form the way an app does (provider + FormView) and hands back its live engine. */
export function renderForm(
  form: Form,
  options: {
    lang?: Lang;
    engine?: EngineOptions;
    records?: RecordSource;
    view?: Partial<FormViewProps>;
    members?: Member[];
  } = {},
): Harness & Omit<ReturnType<typeof render>, 'rerender'> {
  const engine = createRuntimeEngine(form, { user: 'sun.li', ...options.engine });
  const attachments = createMemoryAttachments();
  const submitted: Record<string, unknown>[] = [];
  const records = options.records ?? createMemoryRecords({});
  const directory = { members: options.members ?? MEMBERS };
  const ui = (lang: Lang) => (
    <RuntimeProvider lang={lang} directory={directory} roles={ROLES} attachments={attachments} records={records}>
      <FormView form={form} engine={engine} onSubmit={(d) => submitted.push(d)} {...options.view} />
    </RuntimeProvider>
  );
  const result = render(ui(options.lang ?? 'en'));
  return { ...result, engine, attachments, submitted, switchLang: (lang) => result.rerender(ui(lang)) };
}
