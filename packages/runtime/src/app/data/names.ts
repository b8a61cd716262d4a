/** A user-authored or server-sent name in the UI language, falling back to the other one. */
export function localizeName(
  text: { readonly 'zh-CN'?: string | undefined; readonly en?: string | undefined } | undefined,
  lang: string,
  fallback: string,
): string {
  if (!text) return fallback;
  return (lang === 'en' ? text.en : text['zh-CN']) || text['zh-CN'] || text.en || fallback;
}
