import type { Lang } from '@gongfang/schema';
import { createContext, useContext } from 'react';
import type { AdminApi } from './api.ts';
import type { AdminT } from './i18n.ts';

export interface AdminContextValue {
  api: AdminApi;
  lang: Lang;
  t: AdminT;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin outside <AdminContext>');
  return value;
}
