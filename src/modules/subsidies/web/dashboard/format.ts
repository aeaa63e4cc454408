/** Delays and the regularity indicator as the dashboard shows them, Western digits in both languages (amounts: the platform's formatMad). */
import { localeOf } from '../../../../platform/web/format.ts';

const oneDecimal = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = map.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', ...options });
    map.set(language, f);
  }
  return f;
}

/** Days or a percentage with at most one decimal; a dash when there is nothing to measure. */
export const formatOneDecimal = (value: number | null, language: string): string =>
  value === null ? '—' : cached(oneDecimal, language, { maximumFractionDigits: 1 }).format(value);

/** The regularity indicator: "87.5 %", or a dash when nothing was due. */
export const formatPercent = (value: number | null, language: string): string => (value === null ? '—' : `${formatOneDecimal(value, language)} %`);
