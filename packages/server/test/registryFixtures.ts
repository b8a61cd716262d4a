import type { AppDefinition } from '@gongfang/schema';
import type { Client } from './client.ts';

/**
 * A small but complete app for registry tests: a header select with options, a number, a note, a
 * sub-table with two columns, a formula, a workflow with a condition branch, and a list view.
 */
export function patrolApp(id = 'patrol'): AppDefinition {
  return {
    schemaVersion: 3,
    id,
    version: 1,
    name: { 'zh-CN': '巡检', en: 'Patrol' },
    roles: [
      { id: 'operator', name: { 'zh-CN': '操作工', en: 'Operator' } },
      { id: 'shift_lead', name: { 'zh-CN': '班组长', en: 'Shift lead' } },
    ],
    forms: [
      {
        id: 'check',
        name: { 'zh-CN': '巡检记录', en: 'Check' },
        fields: [
          {
            id: 'line',
            type: 'select',
            label: { 'zh-CN': '产线', en: 'Line' },
            required: true,
            options: [
              { value: 'L1', label: { 'zh-CN': '一线', en: 'Line 1' } },
              { value: 'L2', label: { 'zh-CN': '二线', en: 'Line 2' } },
            ],
          },
          { id: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Quantity' }, min: 0 },
          { id: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
          {
            id: 'items',
            type: 'subtable',
            label: { 'zh-CN': '检查项', en: 'Items' },
            fields: [
              { id: 'name', type: 'text', label: { 'zh-CN': '项目', en: 'Item' } },
              { id: 'value', type: 'number', label: { 'zh-CN': '测量值', en: 'Value' } },
            ],
          },
          {
            id: 'double_qty',
            type: 'formula',
            label: { 'zh-CN': '双倍数量', en: 'Double quantity' },
            expression: 'qty * 2',
          },
        ],
        permissions: { submit: ['operator'], viewAll: ['shift_lead'] },
        workflow: {
          nodes: [
            {
              id: 'big',
              type: 'condition',
              branches: [
                {
                  id: 'large',
                  when: 'qty > 100',
                  nodes: [{ id: 'lead_ok', type: 'approver', assignee: { kind: 'role', role: 'shift_lead' } }],
                },
              ],
              default: { id: 'small', nodes: [] },
            },
          ],
        },
      },
    ],
    views: [
      {
        id: 'all_checks',
        type: 'list',
        name: { 'zh-CN': '全部', en: 'All' },
        form: 'check',
        columns: ['line', 'qty'],
      },
    ],
  } as AppDefinition;
}

/** Saves a draft over HTTP (the test client has no `put` of its own). */
export function saveDraft(client: Client, app: string, definition: unknown, revision: number) {
  return client.request('PUT', `/api/apps/${app}/draft`, { definition, revision });
}

/** Creates an app from `definition` and publishes it; returns the published version's answer. */
export async function createAndPublish(client: Client, definition: AppDefinition, note = 'first') {
  const created = await client.post('/api/apps', { id: definition.id, definition });
  if (created.status !== 201) throw new Error(`create ${definition.id}: ${JSON.stringify(created.body)}`);
  const published = await client.post(`/api/apps/${definition.id}/publish`, { note });
  if (published.status !== 201) throw new Error(`publish ${definition.id}: ${JSON.stringify(published.body)}`);
  return published.body;
}

/** A copy of `def` changed by `edit`, as the designer would change a draft. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into definitions freely
export function edited<T>(def: T, edit: (d: any) => void): T {
  const copy = structuredClone(def);
  edit(copy);
  return copy;
}
