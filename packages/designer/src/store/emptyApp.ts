import { type AppDefinition, CURRENT_SCHEMA_VERSION, type Form } from '@gongfang/schema';

/** What "new app" opens: one form without fields, one role allowed to submit it. */
export function emptyApp(): AppDefinition {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION as 3,
    id: 'new_app',
    version: 1,
    name: { 'zh-CN': '未命名应用', en: 'Untitled app' },
    roles: [{ id: 'staff', name: { 'zh-CN': '员工', en: 'Staff' } }],
    forms: [
      {
        id: 'form_1',
        name: { 'zh-CN': '新表单', en: 'New form' },
        // No fields yet: the problems list asks for the first one.
        fields: [] as unknown as Form['fields'],
        permissions: { submit: ['staff'] },
      },
    ],
  };
}
