import { useState } from 'react';
import { useAdmin } from '../AdminContext.ts';
import type { Role, User, UserChanges } from '../api.ts';
import { Drawer } from '../Drawer.tsx';
import { nameIn } from '../i18n.ts';
import { ErrorNote, Field } from '../ui.tsx';

interface Props {
  user: User | null;
  users: User[];
  roles: Role[];
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}

/** Create a user, or change one: only what was touched is sent (a PATCH of the changes). */
export function UserForm({ user, users, roles, onClose, onSaved }: Props) {
  const { api, t, lang } = useAdmin();
  const [name, setName] = useState(user?.name ?? '');
  const [zh, setZh] = useState(user?.displayName['zh-CN'] ?? '');
  const [en, setEn] = useState(user?.displayName.en ?? '');
  const [password, setPassword] = useState('');
  const [picked, setPicked] = useState<string[]>(user?.roles ?? []);
  const [leadId, setLeadId] = useState(user?.leadId ?? '');
  const [pin, setPin] = useState('');
  const [clearPin, setClearPin] = useState(false);
  const [badge, setBadge] = useState('');
  const [clearBadge, setClearBadge] = useState(false);
  const [active, setActive] = useState(user?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const title = user ? t('editUser', { name: user.name }) : t('newUser');

  const changes = (): UserChanges => {
    const c: UserChanges = {};
    const displayName = en.trim() ? { 'zh-CN': zh.trim(), en: en.trim() } : { 'zh-CN': zh.trim() };
    if (!user || user.displayName['zh-CN'] !== displayName['zh-CN'] || (user.displayName.en ?? '') !== en.trim())
      c.displayName = displayName;
    if (password) c.password = password;
    if (!user || picked.join() !== user.roles.join()) c.roles = picked;
    if ((user?.leadId ?? '') !== leadId) c.leadId = leadId || null;
    if (pin) c.pin = pin;
    else if (clearPin) c.pin = null;
    if (badge.trim()) c.badge = badge.trim();
    else if (clearBadge) c.badge = null;
    if (user && user.active !== active) c.active = active;
    return c;
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const c = changes();
      if (!user) {
        const created = await api.createUser({
          ...c,
          name: name.trim(),
          displayName: c.displayName ?? { 'zh-CN': zh.trim() },
          password,
          roles: picked,
        });
        onSaved(created, true);
      } else if (Object.keys(c).length === 0) {
        onClose();
      } else {
        onSaved(await api.updateUser(user.id, c), false);
      }
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Drawer title={title} onClose={onClose}>
      <form
        className="ad-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="ad-grid">
          <Field label={t('userName')}>
            {(p) => (
              <input
                {...p}
                className="ad-input ad-mono"
                required
                readOnly={Boolean(user)}
                pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t(user ? 'newPassword' : 'password')} hint={t('passwordHint')}>
            {(p) => (
              <input
                {...p}
                className="ad-input"
                type="password"
                autoComplete="new-password"
                required={!user}
                minLength={8}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('displayNameZh')}>
            {(p) => <input {...p} className="ad-input" required value={zh} onChange={(e) => setZh(e.target.value)} />}
          </Field>
          <Field label={t('displayNameEn')}>
            {(p) => <input {...p} className="ad-input" lang="en" value={en} onChange={(e) => setEn(e.target.value)} />}
          </Field>
        </div>
        <fieldset className="ad-fieldset">
          <legend>{t('roles')}</legend>
          <div className="ad-checks">
            {roles.map((r) => (
              <label key={r.id} className="ad-check">
                <input
                  type="checkbox"
                  checked={picked.includes(r.id)}
                  onChange={(e) =>
                    setPicked((old) => (e.target.checked ? [...old, r.id] : old.filter((x) => x !== r.id)))
                  }
                />
                <span>{nameIn(r.name, lang, r.id)}</span>
                <code className="ad-muted">{r.id}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="ad-grid">
          <Field label={t('lead')}>
            {(p) => (
              <select {...p} className="ad-input" value={leadId} onChange={(e) => setLeadId(e.target.value)}>
                <option value="">{t('none')}</option>
                {users
                  .filter((u) => u.id !== user?.id && u.active)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {nameIn(u.displayName, lang, u.name)} ({u.name})
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t('pin')} hint={`${t('pinHint')}${user ? ` · ${user.hasPin ? t('hasPin') : t('noPin')}` : ''}`}>
            {(p) => (
              <div className="ad-inline">
                <input
                  {...p}
                  className="ad-input ad-mono"
                  type="password"
                  inputMode="numeric"
                  autoComplete="off"
                  pattern="[0-9]{4,8}"
                  value={pin}
                  onChange={(e) => {
                    setPin(e.target.value.replace(/\D/g, ''));
                    setClearPin(false);
                  }}
                />
                {user?.hasPin ? (
                  <button
                    type="button"
                    className="ad-button"
                    aria-pressed={clearPin}
                    onClick={() => {
                      setClearPin((v) => !v);
                      setPin('');
                    }}
                  >
                    {t('clearPin')}
                  </button>
                ) : null}
              </div>
            )}
          </Field>
          <Field
            label={t('badge')}
            hint={`${t('badgeHint')}${user ? ` · ${user.hasBadge ? t('hasPin') : t('noPin')}` : ''}`}
          >
            {(p) => (
              <div className="ad-inline">
                <input
                  {...p}
                  className="ad-input ad-mono"
                  autoComplete="off"
                  value={badge}
                  onChange={(e) => {
                    setBadge(e.target.value);
                    setClearBadge(false);
                  }}
                />
                {user?.hasBadge ? (
                  <button
                    type="button"
                    className="ad-button"
                    aria-pressed={clearBadge}
                    onClick={() => {
                      setClearBadge((v) => !v);
                      setBadge('');
                    }}
                  >
                    {t('clearBadge')}
                  </button>
                ) : null}
              </div>
            )}
          </Field>
          {user ? (
            <div className="ad-field">
              <span className="ad-label">{t('status')}</span>
              <button
                type="button"
                className={`ad-button${active ? ' is-danger' : ''}`}
                aria-pressed={!active}
                onClick={() => setActive((v) => !v)}
              >
                {active ? t('deactivate') : t('reactivate')}
              </button>
              <p className="ad-hint">{active ? t('active') : t('inactive')}</p>
            </div>
          ) : null}
        </div>
        <ErrorNote error={error} />
        <div className="ad-form-actions">
          <button type="button" className="ad-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="ad-button is-primary" disabled={busy}>
            {user ? t('save') : t('create')}
          </button>
        </div>
      </form>
    </Drawer>
  );
}
