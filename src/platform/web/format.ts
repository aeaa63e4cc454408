/**
 * Numbers and dates for display: Arabic with Western digits (ar-MA, latn), French (fr-MA),
 * Gregorian calendar, Africa/Casablanca time zone.
 */
const TIME_ZONE = 'Africa/Casablanca';

/** Today's calendar date in Morocco ('YYYY-MM-DD'): the default of date fields, whatever the browser's zone. */
export const todayInMorocco = (): string => new Date().toLocaleDateString('en-CA', { timeZone: TIME_ZONE });

export const localeOf = (language: string): string => (language === 'fr' ? 'fr-MA' : 'ar-MA');

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, language: string): string {
  let f = numberFormats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn' });
    numberFormats.set(language, f);
  }
  return f.format(value);
}

const decimalFormats = new Map<string, Intl.NumberFormat>();
/**
 * An exact decimal string from the API ("1250.50") with at least `minimumFractionDigits` and at most
 * two decimals; Intl reads the string itself, never a binary float. `currency` adds the MAD sign.
 */
export function formatDecimal(value: string, language: string, minimumFractionDigits: number, currency = false): string {
  const key = `${language}:${minimumFractionDigits}:${currency}`;
  let f = decimalFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), {
      numberingSystem: 'latn', minimumFractionDigits, maximumFractionDigits: 2, ...(currency && { style: 'currency', currency: 'MAD' }),
    });
    decimalFormats.set(key, f);
  }
  return f.format(value as unknown as number);
}

/** Dirhams, always with their two decimals (amounts are exact strings in the API). */
export const formatMad = (value: string, language: string): string => formatDecimal(value, language, 2);

function formatMoment(value: string | Date | null | undefined, language: string, withTime: boolean): string {
  if (value === null || value === undefined) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(localeOf(language), {
    numberingSystem: 'latn',
    calendar: 'gregory',
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    ...(withTime && { timeStyle: 'short' }),
  }).format(date);
}

export const formatDateTime = (value: string | Date | null | undefined, language: string): string => formatMoment(value, language, true);
export const formatDate = (value: string | Date | null | undefined, language: string): string => formatMoment(value, language, false);

/** The Arabic or French form of a bilingual record, following the interface language. */
export const nameIn = (o: { nameAr: string; nameFr: string }, language: string): string => (language === 'fr' ? o.nameFr : o.nameAr);
export const fullNameIn = (o: { fullNameAr: string; fullNameFr: string }, language: string): string =>
  language === 'fr' ? o.fullNameFr : o.fullNameAr;

/** A list joined as the language writes it ("أ، ب و ج" / "a, b et c"). */
export function listIn(items: readonly string[], language: string): string {
  return new Intl.ListFormat(localeOf(language), { style: 'long', type: 'conjunction' }).format(items);
}
