import { useEffect, useMemo } from 'react';
import { localizeName } from './data/names.ts';
import { useOperator } from './data/session.ts';
import { appTranslate } from './i18n.ts';
import { SignIn } from './screens/SignIn.tsx';
import { AppContext, type AppContextValue } from './shell/AppContext.ts';
import { Shell } from './shell/Shell.tsx';
import { useLang } from './shell/useLang.ts';

/** The runtime app: sign-in until someone is signed in, then the shell. */
export function App() {
  const [lang, setLang] = useLang();
  const operator = useOperator();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = lang === 'en' ? 'Gongfang' : '工坊';
  }, [lang]);
  const value = useMemo<AppContextValue | null>(
    () =>
      operator
        ? {
            lang,
            setLang,
            t: appTranslate(lang),
            text: (v, fallback = '') => localizeName(v, lang, fallback),
            operator,
          }
        : null,
    [lang, setLang, operator],
  );
  if (!value) return <SignIn lang={lang} setLang={setLang} />;
  return (
    <AppContext.Provider value={value}>
      <Shell />
    </AppContext.Provider>
  );
}
