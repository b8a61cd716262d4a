import type { Lang } from '@gongfang/schema';
import { useCallback, useState } from 'react';
import { readSetting, writeSetting } from '../data/tablet.ts';

/** zh-CN by default; the operator's choice is kept on the tablet. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setState] = useState<Lang>(() => (readSetting('gf.lang') === 'en' ? 'en' : 'zh-CN'));
  const setLang = useCallback((next: Lang) => {
    writeSetting('gf.lang', next);
    document.documentElement.lang = next;
    setState(next);
  }, []);
  return [lang, setLang];
}
