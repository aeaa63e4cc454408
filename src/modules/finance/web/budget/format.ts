/** Dirham amounts as the server sends them (exact decimal strings), formatted without a binary float. */
import { localeOf } from '../../../../platform/web/format.ts';

const formats = new Map<string, Intl.NumberFormat>();

export function formatMad(value: string, language: string): string {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(language, f);
  }
  // Intl formats a decimal string exactly (no conversion to a binary float).
  return f.format(value as unknown as number);
}
