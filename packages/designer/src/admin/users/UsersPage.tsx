import { useMemo, useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { Role, User } from '../api.ts';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Loading, Notice, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';
import { UserForm } from './UserForm.tsx';

function matches(user: User, roles: Role[], query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const roleNames = user.roles.flatMap((id) => {
    const r = roles.find((x) => x.id === id);
    return [id, r?.name['zh-CN'] ?? '', r?.name.en ?? ''];
  });
  return [user.name, user.displayName['zh-CN'], user.displayName.en ?? '', ...roleNames].some((s) =>
    (s ?? '').toLowerCase().includes(q),
  );
}

/** Users: search, create, edit roles/lead/PIN/badge, deactivate. */
export function UsersPage() {
  const { api, t, lang } = useAdmin();
  const loaded = useLoad(() => Promise.all([api.users(), api.roles()]), [api]);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [users = [], roles = []] = loaded.data ?? [];
  const shown = useMemo(() => users.filter((u) => matches(u, roles, query.trim())), [users, roles, query]);
  const roleName = (id: string) => nameIn(roles.find((r) => r.id === id)?.name, lang, id);
  const userName = (id: string | null) => {
    const u = id ? users.find((x) => x.id === id) : undefined;
    return u ? nameIn(u.displayName, lang, u.name) : '—';
  };

  return (
    <section className="ad-page" aria-labelledby="ad-users-title">
      <PageHead
        id="ad-users-title"
        title={t('users')}
        intro={t('usersIntro')}
        actions={
          <button
            type="button"
            className="ad-button is-primary"
            onClick={() => {
              setNotice(undefined);
              setEditing('new');
            }}
          >
            {t('newUser')}
          </button>
        }
      />
      <Notice text={notice} />
      <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      <div className="ad-toolbar">
        <input
          type="search"
          className="ad-input ad-search"
          aria-label={t('searchUsers')}
          placeholder={t('searchUsers')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="ad-muted">{t('countUsers', { n: shown.length })}</span>
      </div>
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.data ? (
        <div className="ad-table-wrap">
          <table className="ad-table" aria-labelledby="ad-users-title">
            <thead>
              <tr>
                <th scope="col">{t('userName')}</th>
                <th scope="col">{t('displayName')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('lead')}</th>
                <th scope="col">{t('pin')}</th>
                <th scope="col">{t('badge')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="ad-sr">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'is-inactive'}>
                  <td className="ad-mono">{u.name}</td>
                  <td>{nameIn(u.displayName, lang, u.name)}</td>
                  <td>
                    <span className="ad-chips">
                      {u.roles.map((r) => (
                        <span key={r} className="ad-chip">
                          {roleName(r)}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>{userName(u.leadId)}</td>
                  <td>{u.hasPin ? t('hasPin') : <span className="ad-muted">{t('noPin')}</span>}</td>
                  <td>{u.hasBadge ? t('hasPin') : <span className="ad-muted">{t('noPin')}</span>}</td>
                  <td>
                    <span className={`ad-status ${u.active ? 'is-ok' : 'is-off'}`}>
                      {u.active ? t('active') : t('inactive')}
                    </span>
                  </td>
                  <td className="ad-row-actions">
                    <button
                      type="button"
                      className="ad-button is-quiet"
                      aria-label={t('editUser', { name: u.name })}
                      onClick={() => {
                        setNotice(undefined);
                        setEditing(u);
                      }}
                    >
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="ad-empty">{t('noUsers')}</p> : null}
        </div>
      ) : null}
      {editing ? (
        <UserForm
          user={editing === 'new' ? null : editing}
          users={users}
          roles={roles}
          onClose={() => setEditing(null)}
          onSaved={(u, created) => {
            setEditing(null);
            setNotice(t(created ? 'userCreated' : 'userSaved', { name: u.name }));
            loaded.reload();
          }}
        />
      ) : null}
    </section>
  );
}
