/** Dirhams as the server sends them (exact decimal strings), formatted without a binary float. */
import { localeOf } from '../../../../platform/web/format.ts';

const formats = new Map<string, Intl.NumberFormat>();

export function formatMad(value: string, language: string): string {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(language), { numberingSystem: 'latn', minimumFractionDigits: 2, maximumFractionDigits: 2, style: 'currency', currency: 'MAD' });
    formats.set(language, f);
  }
  // Intl formats a decimal string exactly (no conversion to a binary float).
  return f.format(value as unknown as number);
}

/** The field error the server gave for this path (400 answers), in the user's language. */
export function fieldError(error: unknown, path: string): string | undefined {
  const problem = (error as { problem?: { errors?: { path: string; message: string }[] } } | null)?.problem;
  return problem?.errors?.find((e) => e.path === path)?.message;
}
