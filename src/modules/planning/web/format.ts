/** Decimal values as the server sends them (exact strings), formatted without a binary float. */
import { localeOf } from '../../../platform/web/format.ts';

const formats = new Map<string, Intl.NumberFormat>();

function formatDecimal(value: string, language: string, minimumFractionDigits: number): string {
  const key = `${language}:${minimumFractionDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', minimumFractionDigits, maximumFractionDigits: 2 });
    formats.set(key, f);
  }
  // Intl formats a decimal string exactly (no conversion to a binary float).
  return f.format(value as unknown as number);
}

/** Dirhams, always with their two decimals. */
export const formatAmount = (value: string, language: string): string => formatDecimal(value, language, 2);
/** An indicator's baseline or target: decimals only when there are some. */
export const formatQuantity = (value: string, language: string): string => formatDecimal(value, language, 0);
