import type { Role } from '@gongfang/schema';
import { describe, expect, it } from 'vitest';
import { FACTORY_ROLES, roleChoices } from './roles.ts';

const role = (id: string, zh: string, en: string): Role => ({ id, name: { 'zh-CN': zh, en } });
const staff = role('staff', '员工', 'Staff');
const lead = role('workshop_lead', '车间主任(本应用)', 'Lead of this app');
const inspector = role('line_inspector', '巡线员', 'Line inspector');
const orgLead = role('workshop_lead', '车间主任', 'Workshop lead');

describe('role choices', () => {
  it("offers the app's roles first, then the organization's roles it does not declare yet, in the server's order", () => {
    expect(roleChoices([staff, lead], [inspector, orgLead])).toEqual([staff, lead, inspector]);
  });

  it("keeps the app's own name of a role the organization also has", () => {
    const lead = roleChoices([staff, role('workshop_lead', '主任', 'Head')], [orgLead]).find(
      (r) => r.id === 'workshop_lead',
    );
    expect(lead?.name).toEqual({ 'zh-CN': '主任', en: 'Head' });
  });

  it("offers only the organization's roles when the server listed them, not the usual factory ones", () => {
    const ids = roleChoices([staff], [inspector]).map((r) => r.id);
    expect(ids).toEqual(['staff', 'line_inspector']);
    expect(ids).not.toContain('qc_engineer');
  });

  it('falls back to the usual factory roles when there is no server list (dev page, tests)', () => {
    expect(roleChoices([staff])).toEqual([staff, ...FACTORY_ROLES]);
    expect(roleChoices([staff], null)).toEqual([staff, ...FACTORY_ROLES]);
  });

  it('an empty list from the server is an answer: nothing beyond the app’s roles', () => {
    expect(roleChoices([staff], [])).toEqual([staff]);
  });
});
