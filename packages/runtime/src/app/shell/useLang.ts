import type { Lang } from '@gongfang/schema';
import { useCallback, useState } from 'react';

/** zh-CN by default; the operator's choice is kept on the tablet. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setState] = useState<Lang>(() => (localStorage.getItem('gf.lang') === 'en' ? 'en' : 'zh-CN'));
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem('gf.lang', next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  return [lang, setLang];
}
