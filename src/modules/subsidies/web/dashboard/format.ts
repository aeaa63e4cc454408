/** Dirhams and delays as the dashboard shows them: exact decimal strings formatted by Intl, Western digits in both languages. */
import { localeOf } from '../../../../platform/web/format.ts';

const money = new Map<string, Intl.NumberFormat>();
const oneDecimal = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = map.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', ...options });
    map.set(language, f);
  }
  return f;
}

/** A MAD amount from the API ("1250.50"): Intl reads the decimal string itself, never a binary float. */
export const formatMad = (value: string, language: string): string =>
  cached(money, language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value as unknown as number);

/** Days or a percentage with at most one decimal; a dash when there is nothing to measure. */
export const formatOneDecimal = (value: number | null, language: string): string =>
  value === null ? '—' : cached(oneDecimal, language, { maximumFractionDigits: 1 }).format(value);

/** The regularity indicator: "87.5 %", or a dash when nothing was due. */
export const formatPercent = (value: number | null, language: string): string => (value === null ? '—' : `${formatOneDecimal(value, language)} %`);
