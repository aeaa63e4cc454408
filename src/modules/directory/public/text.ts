/** The public site's words: its own catalog (directory.public.*) and the registry's enum labels. */
import type { Language } from '../../../platform/contract/common.ts';
import { translate } from '../../../server/i18n/messages.ts';

export type Text = (key: string, params?: Record<string, unknown>) => string;

export const publicText = (lang: Language): Text => (key, params) => translate(lang, `directory.public.${key}`, params);

/** A registry enum's label (legalCategory, centreType, serviceType, targetGroup, sexServed, ...). */
export const enumLabel = (lang: Language, group: string, value: string): string => translate(lang, `directory.enums.${group}.${value}`);

/** Western digits in both languages (ar-MA), Gregorian dates; one formatter per language, built once. */
const locale = (lang: Language) => (lang === 'ar' ? 'ar-MA' : 'fr-MA');
const numberFormats: Record<Language, Intl.NumberFormat> = {
  ar: new Intl.NumberFormat(locale('ar'), { numberingSystem: 'latn' }),
  fr: new Intl.NumberFormat(locale('fr'), { numberingSystem: 'latn' }),
};
const dateOptions: Intl.DateTimeFormatOptions = { numberingSystem: 'latn', calendar: 'gregory', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  ar: new Intl.DateTimeFormat(locale('ar'), dateOptions),
  fr: new Intl.DateTimeFormat(locale('fr'), dateOptions),
};
export const formatNumber = (lang: Language, n: number): string => numberFormats[lang].format(n);
export const formatDate = (lang: Language, isoDay: string): string => dateFormats[lang].format(new Date(`${isoDay}T00:00:00Z`));
