import { useState } from 'react';
import { useAdmin } from './AdminContext.ts';
import { ErrorNote, Field } from './ui.tsx';

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { api, t } = useAdmin();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <main className="ad-center">
      <form
        className="ad-card ad-signin"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(undefined);
          api.login(user.trim(), password).then(onSignedIn, (err: unknown) => {
            setError(err);
            setBusy(false);
          });
        }}
      >
        <h1>{t('signInTitle')}</h1>
        <p className="ad-intro">{t('signInHint')}</p>
        <Field label={t('userName')}>
          {(p) => (
            <input
              {...p}
              className="ad-input"
              autoComplete="username"
              required
              value={user}
              onChange={(e) => setUser(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('password')}>
          {(p) => (
            <input
              {...p}
              className="ad-input"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorNote error={error} />
        <button type="submit" className="ad-button is-primary" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
