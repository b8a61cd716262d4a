import type { Lang } from '@gongfang/schema';

/** Two big buttons, each named in its own language so either reader finds it. */
export function LangSwitch({ lang, setLang, label }: { lang: Lang; setLang: (l: Lang) => void; label: string }) {
  return (
    <fieldset className="app-lang">
      <legend className="gf-sr">{label}</legend>
      {(['zh-CN', 'en'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {l === 'zh-CN' ? '中文' : 'English'}
        </button>
      ))}
    </fieldset>
  );
}
