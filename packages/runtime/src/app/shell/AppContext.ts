import type { Lang, LocalizedText } from '@gongfang/schema';
import { createContext, useContext } from 'react';
import type { Operator } from '../data/session.ts';
import type { AppTranslate } from '../i18n.ts';

export interface AppContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: AppTranslate;
  /** Localizes user-authored text. */
  text: (value: LocalizedText | undefined, fallback?: string) => string;
  operator: Operator;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the app shell');
  return value;
}
