import type { Lang } from '@gongfang/schema';
import { useState } from 'react';
import type { RegistryClient } from '../publish/registryClient.ts';
import { homeT } from './messages.ts';

/** Sign-in with user name and password (the server's session cookie). */
export function SignIn({ registry, lang, onDone }: { registry: RegistryClient; lang: Lang; onDone: () => void }) {
  const t = homeT(lang);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="tz-card tz-signin"
      onSubmit={async (e) => {
        e.preventDefault();
        const result = await registry.login(user, password);
        if (result.ok) onDone();
        else setError(result.message[lang]);
      }}
    >
      <h1>{t('title')}</h1>
      <label>
        {t('user')}
        <input value={user} autoComplete="username" onChange={(e) => setUser(e.target.value)} />
      </label>
      <label>
        {t('password')}
        <input
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="dz-button is-primary">
        {t('signIn')}
      </button>
    </form>
  );
}
