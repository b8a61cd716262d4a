import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { Role } from '../api.ts';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Field, Loading, Notice, PageHead } from '../ui.tsx';
import { useLoad } from '../useLoad.ts';

/** Roles: list with member counts, create with zh-CN/en names, rename in place. */
export function RolesPage() {
  const { api, t, lang } = useAdmin();
  const loaded = useLoad(() => Promise.all([api.roles(), api.users()]), [api]);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [roles = [], users = []] = loaded.data ?? [];
  const members = (id: string) => users.filter((u) => u.active && u.roles.includes(id)).length;
  const done = (text: string) => {
    setNotice(text);
    setRenaming(null);
    loaded.reload();
  };

  return (
    <section className="ad-page" aria-labelledby="ad-roles-title">
      <PageHead id="ad-roles-title" title={t('roles')} intro={t('rolesIntro')} />
      <Notice text={notice} />
      <ErrorNote error={loaded.error} onRetry={loaded.reload} />
      <div className="ad-split">
        <div className="ad-table-wrap">
          {loaded.loading && !loaded.data ? <Loading /> : null}
          <table className="ad-table" aria-labelledby="ad-roles-title">
            <thead>
              <tr>
                <th scope="col">{t('roleId')}</th>
                <th scope="col">{t('nameZh')}</th>
                <th scope="col">{t('nameEn')}</th>
                <th scope="col" className="is-num">
                  {t('members')}
                </th>
                <th scope="col">
                  <span className="ad-sr">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {roles.map((r) =>
                renaming === r.id ? (
                  <RenameRow key={r.id} role={r} onDone={done} onCancel={() => setRenaming(null)} />
                ) : (
                  <tr key={r.id}>
                    <td className="ad-mono">{r.id}</td>
                    <td>{r.name['zh-CN']}</td>
                    <td lang="en">{r.name.en ?? ''}</td>
                    <td className="is-num">{members(r.id)}</td>
                    <td className="ad-row-actions">
                      <button
                        type="button"
                        className="ad-button is-quiet"
                        aria-label={`${t('edit')} ${nameIn(r.name, lang, r.id)}`}
                        onClick={() => setRenaming(r.id)}
                      >
                        {t('edit')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        <NewRole onCreated={(r) => done(t('roleCreated', { name: nameIn(r.name, lang, r.id) }))} />
      </div>
    </section>
  );
}

function NewRole({ onCreated }: { onCreated: (role: Role) => void }) {
  const { api, t } = useAdmin();
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="ad-card ad-form"
      aria-labelledby="ad-new-role"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        const name = en.trim() ? { 'zh-CN': zh.trim(), en: en.trim() } : { 'zh-CN': zh.trim() };
        api.createRole({ id: id.trim(), name }).then(
          (role) => {
            setId('');
            setZh('');
            setEn('');
            setBusy(false);
            onCreated(role);
          },
          (err: unknown) => {
            setError(err);
            setBusy(false);
          },
        );
      }}
    >
      <h2 id="ad-new-role">{t('newRole')}</h2>
      <Field label={t('roleId')} hint={t('roleIdHint')}>
        {(p) => (
          <input
            {...p}
            className="ad-input ad-mono"
            required
            pattern="[a-z][a-z0-9_]{0,62}"
            autoComplete="off"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('nameZh')}>
        {(p) => <input {...p} className="ad-input" required value={zh} onChange={(e) => setZh(e.target.value)} />}
      </Field>
      <Field label={t('nameEn')}>
        {(p) => <input {...p} className="ad-input" lang="en" value={en} onChange={(e) => setEn(e.target.value)} />}
      </Field>
      <ErrorNote error={error} />
      <button type="submit" className="ad-button is-primary" disabled={busy}>
        {t('create')}
      </button>
    </form>
  );
}

function RenameRow({ role, onDone, onCancel }: { role: Role; onDone: (text: string) => void; onCancel: () => void }) {
  const { api, t, lang } = useAdmin();
  const [zh, setZh] = useState(role.name['zh-CN'] ?? '');
  const [en, setEn] = useState(role.name.en ?? '');
  const [error, setError] = useState<unknown>(undefined);
  const save = () => {
    const name = en.trim() ? { 'zh-CN': zh.trim(), en: en.trim() } : { 'zh-CN': zh.trim() };
    api.renameRole(role.id, name).then(
      (r) => onDone(t('roleRenamed', { name: nameIn(r.name, lang, r.id) })),
      (e: unknown) => setError(e),
    );
  };
  return (
    <tr className="is-editing">
      <td className="ad-mono">{role.id}</td>
      <td>
        <input className="ad-input" aria-label={t('nameZh')} value={zh} onChange={(e) => setZh(e.target.value)} />
      </td>
      <td>
        <input className="ad-input" aria-label={t('nameEn')} value={en} onChange={(e) => setEn(e.target.value)} />
        <ErrorNote error={error} />
      </td>
      <td />
      <td className="ad-row-actions">
        <button type="button" className="ad-button is-primary" onClick={save}>
          {t('save')}
        </button>
        <button type="button" className="ad-button is-quiet" onClick={onCancel}>
          {t('cancel')}
        </button>
      </td>
    </tr>
  );
}
