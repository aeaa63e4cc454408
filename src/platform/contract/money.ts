/**
 * Money in Moroccan dirhams, exact: PostgreSQL numeric(14,2) on disk, a decimal string in the API
 * ("1250.50"), integer centimes (bigint) when TypeScript must compare or add. Never a JS number,
 * whose binary fractions cannot hold 0.10 exactly.
 */
import { z } from 'zod';

const madPattern = /^\d{1,12}(\.\d{1,2})?$/;
const signedMadPattern = /^-?\d{1,14}(\.\d{1,2})?$/;

/** An amount given by a user: zero or more, at most two decimals ("1250", "1250.5", "1250.50"). */
export const Mad = z.string().trim().regex(madPattern, 'amount_format');
/** An amount that must be more than zero. */
// Zod runs a refinement even when the pattern failed: test the pattern again before reading the amount.
export const PositiveMad = Mad.refine((v) => !madPattern.test(v) || madToCentimes(v) > 0n, { message: 'validation.amount_positive' });
/** An amount the server returns (totals, balances and reversals may be negative). */
export const MadOut = z.string().regex(signedMadPattern);
export type Mad = z.infer<typeof Mad>;

/** "1250.5" → 125050n; "-3" → -300n. Throws on anything that is not a decimal amount. */
export function madToCentimes(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`not an amount: ${value}`);
  const centimes = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -centimes : centimes;
}

/** 125050n → "1250.50". */
export function centimesToMad(centimes: bigint): string {
  const sign = centimes < 0n ? '-' : '';
  const abs = centimes < 0n ? -centimes : centimes;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
