import type { Lang } from '@gongfang/schema';
import { useState } from 'react';
import { ApiError, isNetworkError } from '../data/api.ts';
import { isEnrolled, login } from '../data/session.ts';
import { type AppTranslate, appTranslate } from '../i18n.ts';
import { LangSwitch } from '../shell/LangSwitch.tsx';
import { PinPad } from './PinPad.tsx';

/** Password sign-in; on an enrolled shared tablet the PIN pad and badge scan come first. */
export function SignIn({ lang, setLang }: { lang: Lang; setLang: (l: Lang) => void }) {
  const t = appTranslate(lang);
  const [withPassword, setWithPassword] = useState(!isEnrolled());
  return (
    <main className="app-signin" lang={lang}>
      <div className="app-signin-card">
        <header className="app-signin-head">
          <h1>{t('brand')}</h1>
          <LangSwitch lang={lang} setLang={setLang} label="语言 / Language" />
        </header>
        {withPassword ? (
          <PasswordForm t={t} lang={lang} />
        ) : (
          <PinPad lang={lang} onCancel={() => setWithPassword(true)} cancelLabel={t('signIn')} />
        )}
        {withPassword && isEnrolled() ? (
          <button type="button" className="app-link-button" onClick={() => setWithPassword(false)}>
            {t('switchUser')}
          </button>
        ) : null}
      </div>
    </main>
  );
}

export function problemText(error: unknown, lang: Lang, t: AppTranslate): string {
  if (error instanceof ApiError) return error.localized?.[lang] ?? error.code;
  if (isNetworkError(error)) return t('needsNetwork');
  return error instanceof Error ? error.message : String(error);
}

function PasswordForm({ t, lang }: { t: AppTranslate; lang: Lang }) {
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await login(user.trim(), password);
    } catch (error) {
      setProblem(problemText(error, lang, t));
      setBusy(false);
    }
  };
  return (
    <form className="app-form" onSubmit={submit}>
      <h2>{t('signIn')}</h2>
      <label className="app-field">
        <span>{t('userName')}</span>
        <input
          className="gf-input"
          autoComplete="username"
          autoCapitalize="none"
          value={user}
          onChange={(e) => setUser(e.target.value)}
          required
        />
      </label>
      <label className="app-field">
        <span>{t('password')}</span>
        <input
          className="gf-input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {problem ? (
        <p className="gf-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="gf-button gf-primary" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
