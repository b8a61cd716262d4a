import { useState } from 'react';
import { localizeName } from '../data/names.ts';
import { enrollDevice, isEnrolled, logout } from '../data/session.ts';
import { PinPad } from '../screens/PinPad.tsx';
import { problemText } from '../screens/SignIn.tsx';
import { useApp } from './AppContext.ts';
import { LangSwitch } from './LangSwitch.tsx';
import { href, useRoute } from './router.ts';

const NAV = [
  ['', 'home'],
  ['drafts', 'drafts'],
  ['submissions', 'submissions'],
  ['inbox', 'inbox'],
] as const;

/** Brand, the four places an operator goes, language, and who is signed in (tap to switch). */
export function Header() {
  const { t, lang, setLang, operator } = useApp();
  const route = useRoute();
  const [switching, setSwitching] = useState(false);
  const [enrolled, setEnrolled] = useState(isEnrolled);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const enroll = () =>
    enrollDevice(`tablet ${new Date().toISOString().slice(0, 10)}`).then(
      () => setEnrolled(true),
      (e: unknown) => setProblem(problemText(e, lang, t)),
    );
  const here = route.parts[0] ?? '';
  return (
    <header className="app-header">
      <a className="app-brand" href="#/">
        {t('brand')}
      </a>
      <nav aria-label={t('mainNav')} className="app-nav">
        {NAV.map(([path, key]) => (
          <a key={key} href={path ? href(path) : '#/'} aria-current={here === path ? 'page' : undefined}>
            {t(key)}
          </a>
        ))}
      </nav>
      <LangSwitch lang={lang} setLang={setLang} label={lang === 'en' ? 'Language' : '语言'} />
      <button type="button" className="app-user" onClick={() => setSwitching(true)} aria-haspopup="dialog">
        {t('signedInAs', { name: localizeName(operator.displayName, lang, operator.id) })}
      </button>
      {switching ? (
        <div className="app-dialog" role="dialog" aria-modal="true" aria-label={t('switchUser')}>
          {enrolled ? (
            <PinPad lang={lang} onCancel={() => setSwitching(false)} cancelLabel={t('cancel')} />
          ) : (
            <div className="app-form">
              <button type="button" className="gf-button gf-primary" onClick={() => void enroll()}>
                {t('enrollDevice')}
              </button>
              {problem ? (
                <p className="gf-error" role="alert">
                  {problem}
                </p>
              ) : null}
              <button type="button" className="app-link-button" onClick={() => setSwitching(false)}>
                {t('cancel')}
              </button>
            </div>
          )}
          <button type="button" className="app-link-button" onClick={() => void logout()}>
            {t('signOut')}
          </button>
        </div>
      ) : null}
    </header>
  );
}
