import type { Role } from '@gongfang/schema';

const r = (id: string, zh: string, en: string): Role => ({ id, name: { 'zh-CN': zh, en } });

/**
 * Roles a factory usually has (the demo organization's): offered in role pickers next to the app's
 * own roles. Picking one declares it in the app's `roles`.
 */
export const FACTORY_ROLES: readonly Role[] = [
  r('operator', '操作工', 'Operator'),
  r('shift_lead', '班组长', 'Shift lead'),
  r('workshop_lead', '车间主任', 'Workshop lead'),
  r('warehouse_keeper', '仓管员', 'Warehouse keeper'),
  r('qc_engineer', '质检员', 'QC engineer'),
  r('qc_lead', '质量主管', 'QC lead'),
  r('it_admin', 'IT 管理员', 'IT admin'),
];

/** The app's roles first, then factory roles it does not declare yet. */
export function roleChoices(appRoles: readonly Role[]): Role[] {
  const ids = new Set(appRoles.map((x) => x.id));
  return [...appRoles, ...FACTORY_ROLES.filter((x) => !ids.has(x.id))];
}
