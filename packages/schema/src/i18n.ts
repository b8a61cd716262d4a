import type { LocalizedText } from './generated/types.ts';

/** UI languages. zh-CN is the default; en is complete. */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';

/** A message of Gongfang itself (errors, hints): always in both languages. */
export interface Message {
  'zh-CN': string;
  en: string;
}

export function message(zh: string, en: string): Message {
  return { 'zh-CN': zh, en };
}

/**
 * Text of a user-authored label in `lang`, falling back to the other language when it is missing.
 * Own-property reads only: a label object parsed from untrusted JSON cannot reach prototypes.
 */
export function localize(text: LocalizedText | Message | undefined, lang: Lang): string {
  if (!text) return '';
  const own = (key: Lang): string | undefined =>
    Object.hasOwn(text, key) ? (text as Record<string, string | undefined>)[key] : undefined;
  return own(lang) ?? own(lang === 'en' ? 'zh-CN' : 'en') ?? '';
}
