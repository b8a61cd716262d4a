import type { Role } from '@gongfang/schema';

const r = (id: string, zh: string, en: string): Role => ({ id, name: { 'zh-CN': zh, en } });

/**
 * Roles a factory usually has (the demo organization's): offered in role pickers when the designer
 * has no server to list the organization's roles (the dev page, or the server could not be asked).
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

/**
 * The app's roles first, then the organization's roles it does not declare yet (`orgRoles`, from
 * the server; the usual factory roles when there is no list). Picking one declares it in the app.
 */
export function roleChoices(appRoles: readonly Role[], orgRoles: readonly Role[] | null = null): Role[] {
  const ids = new Set(appRoles.map((x) => x.id));
  return [...appRoles, ...(orgRoles ?? FACTORY_ROLES).filter((x) => !ids.has(x.id))];
}
