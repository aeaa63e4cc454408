/**
 * Language data and value formatting shared by the renderers. Languages live in this table, not
 * in the renderers, so that Amazigh can be added as one more entry.
 */
import type { Cell, ReportLang } from './table-report.ts';

interface LangData {
  /** BCP 47 tag; Arabic keeps Western digits, as everywhere in Raaya. */
  locale: string;
  dir: 'rtl' | 'ltr';
  currency: string;
  issuedOn: string;
  page: string;
  of: string;
}

export const LANGS: Record<ReportLang, LangData> = {
  ar: { locale: 'ar-MA-u-nu-latn', dir: 'rtl', currency: 'درهم', issuedOn: 'بتاريخ', page: 'صفحة', of: 'من' },
  fr: { locale: 'fr-MA', dir: 'ltr', currency: 'MAD', issuedOn: 'Édité le', page: 'Page', of: 'sur' },
};

/** The issue date, Gregorian, as a day in Morocco whatever the server's time zone. */
export function formatIssueDate(date: Date, lang: ReportLang): string {
  return new Intl.DateTimeFormat(LANGS[lang].locale, {
    calendar: 'gregory',
    dateStyle: 'long',
    timeZone: 'Africa/Casablanca',
  }).format(date);
}

// Intl.NumberFormat formats a decimal STRING exactly (ECMA-402 NumberFormat v3): no float is
// ever made from an amount, so 0.1 + 0.2 style errors cannot reach a report.
function numberFormat(lang: ReportLang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(LANGS[lang].locale, { numberingSystem: 'latn', ...options });
}

export interface Formatters {
  number(decimal: string): string;
  money(decimal: string): string;
  percent(decimal: string): string;
}

export function formatters(lang: ReportLang): Formatters {
  const plain = numberFormat(lang, { maximumFractionDigits: 20 });
  const money = numberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  // The Intl signature takes a numeric string literal type; our values were validated as decimals.
  const exact = (f: Intl.NumberFormat, decimal: string) => f.format(decimal as Intl.StringNumericLiteral);
  return {
    number: (d) => exact(plain, d),
    money: (d) => exact(money, d),
    percent: (d) => exact(percent, d),
  };
}

/** The text of a cell, without its currency: the PDF isolates the digits from the unit. */
export function cellText(cell: Cell, f: Formatters): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return f.number(cell.decimal);
    case 'money':
      return f.money(cell.decimal);
    case 'percent':
      return f.percent(cell.decimal);
    case 'date':
      // ISO dates everywhere: unambiguous in both languages, and the same as the spreadsheet's format.
      return cell.iso;
  }
}
