import { useAdmin } from './AdminContext.ts';
import type { AdminKey } from './i18n.ts';

export const SECTIONS = ['users', 'roles', 'apps', 'templates', 'audit', 'webhooks', 'orgs'] as const;
export type AdminSection = (typeof SECTIONS)[number];

const LABELS: Record<AdminSection, AdminKey> = {
  users: 'users',
  roles: 'roles',
  apps: 'appVersions',
  templates: 'templateVersions',
  audit: 'audit',
  webhooks: 'webhooks',
  orgs: 'orgs',
};

/** `#/admin/roles` → `roles`; anything else under #/admin → users. */
export function sectionOf(hash: string): AdminSection {
  const part = hash.replace(/^#\/?admin\/?/, '').split(/[/?]/)[0] ?? '';
  return (SECTIONS as readonly string[]).includes(part) ? (part as AdminSection) : 'users';
}

export function AdminNav({ section }: { section: AdminSection }) {
  const { t } = useAdmin();
  return (
    <nav className="ad-nav" aria-label={t('nav')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <a href={`#/admin/${s}`} aria-current={section === s ? 'page' : undefined}>
              {t(LABELS[s])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
