import type { Role } from '@gongfang/schema';
import { useMemo } from 'react';
import { useDesignerState } from '../ui/DesignerContext.tsx';
import { roleChoices } from './roles.ts';

/** What a role picker offers: the app's roles, then the organization's (see `roleChoices`). */
export function useRoleChoices(): Role[] {
  const appRoles = useDesignerState((s) => s.doc.roles);
  const orgRoles = useDesignerState((s) => s.orgRoles);
  return useMemo(() => roleChoices(appRoles, orgRoles), [appRoles, orgRoles]);
}
