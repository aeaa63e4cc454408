/** The public site's addresses: Arabic at the root, French under /fr/. */
import type { Language } from '../../../platform/contract/common.ts';

export const languageBase = (lang: Language): string => (lang === 'ar' ? '' : '/fr');

export const publicPaths = {
  home: (lang: Language) => `${languageBase(lang)}/`,
  institution: (lang: Language, id: string) => `${languageBase(lang)}/institutions/${id}`,
  request: (lang: Language) => `${languageBase(lang)}/request`,
  status: (lang: Language) => `${languageBase(lang)}/request/status`,
  privacy: (lang: Language) => `${languageBase(lang)}/privacy`,
  /** Language-free resources. */
  map: '/map.svg',
  nearMeScript: '/near-me.js',
  sitemap: '/sitemap.xml',
} as const;

/** The same page in the other language: strips or adds the /fr prefix, keeps the query. */
export function otherLanguageUrl(url: string, to: Language): string {
  const arabic = url === '/fr' ? '/' : url.startsWith('/fr/') ? url.slice(3) : url;
  return to === 'ar' ? arabic : `/fr${arabic}`;
}
