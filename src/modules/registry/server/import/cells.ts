/**
 * Cell parsers of the registry import: every cell arrives as trimmed text ('' when empty). A
 * vocabulary cell accepts the code or its label in Arabic or French (as the screens show them),
 * compared without case, accents, hamza forms or spaces; numbers, dates, GPS and phones accept the
 * spellings found in the delegations' spreadsheets.
 */
import { z } from 'zod';
import { Rib, moroccoBounds } from '../../contract/values.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };

/** Folding for vocabulary look-ups (the database's app.fold_name folds names; this folds labels). */
export const foldLabel = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .replace(/[\s_\-.'’()/]/g, '');

type EnumCatalog = keyof typeof fr.enums;

/** Code → itself, and each label (both languages) → code, plus a few spellings of the field. */
function lookup(values: readonly string[], catalog: EnumCatalog, extra: Record<string, string> = {}): Map<string, string> {
  const map = new Map<string, string>();
  const labelsAr = ar.enums[catalog] as Record<string, string>;
  const labelsFr = fr.enums[catalog] as Record<string, string>;
  for (const value of values) {
    map.set(foldLabel(value), value);
    if (labelsAr[value]) map.set(foldLabel(labelsAr[value]), value);
    if (labelsFr[value]) map.set(foldLabel(labelsFr[value]), value);
  }
  for (const [spelling, value] of Object.entries(extra)) map.set(foldLabel(spelling), value);
  return map;
}

/** A vocabulary cell: null when empty (or `fallback`), the code when recognised, an error otherwise. */
export function vocabularyCell<T extends string>(values: readonly T[], catalog: EnumCatalog, extra: Record<string, T> = {}, fallback: T | null = null) {
  const known = lookup(values, catalog, extra);
  return z.string().transform((cell, ctx): T | null => {
    if (cell.trim() === '') return fallback;
    const found = known.get(foldLabel(cell));
    if (found) return found as T;
    ctx.addIssue({ code: 'custom', message: 'registry.import.unknown_value', input: cell });
    return z.NEVER;
  });
}

/** A required vocabulary cell. */
export function requiredVocabularyCell<T extends string>(values: readonly T[], catalog: EnumCatalog, extra: Record<string, T> = {}) {
  // Never null: the cell is not empty.
  return z.string().min(1).pipe(vocabularyCell(values, catalog, extra)) as unknown as z.ZodType<T, string>;
}

/** A list of vocabulary values in one cell, separated by commas (Latin or Arabic), semicolons, bars or new lines. */
export function vocabularyListCell<T extends string>(values: readonly T[], catalog: EnumCatalog) {
  const known = lookup(values, catalog);
  return z.string().transform((cell, ctx): T[] => {
    const found = new Set<T>();
    for (const part of cell.split(/[;,،|\n]+/)) {
      if (part.trim() === '') continue;
      const value = known.get(foldLabel(part));
      if (!value) {
        ctx.addIssue({ code: 'custom', message: 'registry.import.unknown_value', input: part });
        return z.NEVER;
      }
      found.add(value as T);
    }
    return [...found];
  });
}

/** A whole number of places: empty is 0; a negative number is refused. */
export const capacityCell = z
  .string()
  .transform((cell, ctx) => {
    const compact = cell.replace(/\s/g, '');
    if (compact === '') return 0;
    if (!/^-?[0-9]+$/.test(compact)) {
      ctx.addIssue({ code: 'custom', message: 'registry.import.number_format', input: cell });
      return z.NEVER;
    }
    return Number(compact);
  })
  .pipe(z.number().int().min(0).max(5000));

/** A date as ISO (2015-03-01, what spreadsheet dates are read as) or day/month/year (01/03/2015). */
export const dateCell = z.string().transform((cell, ctx): string | null => {
  if (cell === '') return null;
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(cell);
  const dmy = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/.exec(cell);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d) || date.getUTCFullYear() < 1900) {
    ctx.addIssue({ code: 'custom', message: 'registry.import.date_format', input: cell });
    return z.NEVER;
  }
  return date.toISOString().slice(0, 10);
});

export interface Position {
  latitude: number;
  longitude: number;
}

/** "latitude, longitude" in decimal degrees (also "lat; lon" with decimal commas); inside Morocco. */
export const gpsCell = z.string().transform((cell, ctx): Position | null => {
  if (cell === '') return null;
  const number = '(-?[0-9]{1,3}(?:[.,][0-9]+)?)';
  const match = cell.includes(';')
    ? new RegExp(`^${number}\\s*;\\s*${number}$`).exec(cell)
    : /^(-?[0-9]{1,3}(?:\.[0-9]+)?)\s*[,\s/]\s*(-?[0-9]{1,3}(?:\.[0-9]+)?)$/.exec(cell);
  if (!match) {
    ctx.addIssue({ code: 'custom', message: 'registry.import.gps_format', input: cell });
    return z.NEVER;
  }
  const latitude = Number(match[1]!.replace(',', '.'));
  const longitude = Number(match[2]!.replace(',', '.'));
  const b = moroccoBounds;
  if (latitude < b.minLatitude || latitude > b.maxLatitude || longitude < b.minLongitude || longitude > b.maxLongitude) {
    ctx.addIssue({ code: 'custom', message: 'registry.errors.position_outside_morocco', input: cell });
    return z.NEVER;
  }
  return { latitude, longitude };
});

/** A phone as written in Morocco (06 12 34 56 78, 0528-…, 00212…, +212…), stored as +212…. */
export const phoneCell = z.string().transform((cell, ctx): string | null => {
  if (cell === '') return null;
  let digits = cell.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  else if (/^0[5-8][0-9]{8}$/.test(digits)) digits = `+212${digits.slice(1)}`;
  else if (/^212[0-9]{9}$/.test(digits)) digits = `+${digits}`;
  if (!/^\+[1-9][0-9]{7,14}$/.test(digits)) {
    ctx.addIssue({ code: 'custom', message: 'registry.import.phone_format', input: cell });
    return z.NEVER;
  }
  return digits;
});

export const ribCell = z.string().transform((cell) => cell.replace(/[\s-]/g, '')).pipe(z.union([z.literal(''), Rib]).transform((v) => (v === '' ? null : v)));

/** Free text of at most `max` characters; '' is absent. */
export const optionalCell = (max: number) => z.string().trim().max(max).transform((v) => (v === '' ? null : v));
export const requiredCell = (max: number) => z.string().trim().min(1).max(max);

/** Arabic letters in the text: it goes to the Arabic column (address, director), else to the French one. */
export const isArabic = (s: string): boolean => /[\u0600-\u06ff]/.test(s);
