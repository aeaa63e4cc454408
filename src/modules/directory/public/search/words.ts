/** The search page's words: counts with their plural forms, and the page's title and description. */
import type { Language } from '../../../../platform/contract/common.ts';
import { enumLabel, formatNumber, publicText } from '../text.ts';
import type { SearchQuery } from './query.ts';
import { legalCategories } from './vocabulary.ts';

export const searchText = (lang: Language) => {
  const t = publicText(lang);
  return (key: string, params?: Record<string, unknown>) => t(`search.${key}`, params);
};

const plurals: Record<Language, Intl.PluralRules> = { ar: new Intl.PluralRules('ar'), fr: new Intl.PluralRules('fr') };

/** "12 results" with the language's plural form (Arabic has six), Western digits. */
export function countText(lang: Language, n: number): string {
  const t = searchText(lang);
  // Both catalogs hold the six forms of Arabic; "no result" reads better than "0 résultat" too.
  const key = n === 0 ? 'count_zero' : `count_${plurals[lang].select(n)}`;
  return t(key, { n: formatNumber(lang, n) });
}

export const categoryLabel = (lang: Language, value: string): string =>
  legalCategories.includes(value) ? label.legalCategory(lang, value) : label.centreType(lang, value);

const nameIn = (lang: Language, place: { nameAr: string; nameFr: string }) => (lang === 'ar' ? place.nameAr : place.nameFr);

/** What was searched, as a title ("Dar Taliba in Agadir — 12 results"): for search engines and tabs. */
export function describeSearch(lang: Language, query: SearchQuery, total: number): { title: string; description: string } {
  const t = searchText(lang);
  const subject = query.category
    ? categoryLabel(lang, query.category)
    : query.need
      ? enumLabel(lang, 'serviceType', query.need)
      : query.group
        ? enumLabel(lang, 'targetGroup', query.group)
        : query.q
          ? t('subjectWords', { q: query.q })
          : t('subjectAll');
  const where = query.commune ?? query.province ?? query.region;
  const place = where ? t('placeIn', { name: nameIn(lang, where) }) : query.near ? t('placeNear') : '';
  const count = countText(lang, total);
  return { title: t('title', { subject, place, count }), description: t('description', { count, subject, place }) };
}

// The catalogs are fixed once the server has booted, and a search page names some 200 labels:
// looked up once each rather than through every module's catalog on every page.
const labels = new Map<string, string>();
const cachedLabel = (group: string) => (lang: Language, value: string): string => {
  const key = `${lang}|${group}|${value}`;
  let found = labels.get(key);
  if (found === undefined) labels.set(key, (found = enumLabel(lang, group, value)));
  return found;
};

/** Labels of the registry's values, one function per list (the form's options, the cards' tags). */
export const label = {
  centreType: cachedLabel('centreType'),
  legalCategory: cachedLabel('legalCategory'),
  serviceType: cachedLabel('serviceType'),
  targetGroup: cachedLabel('targetGroup'),
  sexServed: cachedLabel('sexServed'),
  careMode: cachedLabel('careMode'),
};
