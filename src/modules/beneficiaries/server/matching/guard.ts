/**
 * The duplicate gate of every person creation (reception, register, import): two receptionists
 * creating the same person at the same moment must not produce two records without a warning.
 * The gate takes a transaction-scoped advisory lock on the person's identity key, so concurrent
 * creations of the same person run one after the other, and the second one sees the first.
 * It then looks for candidates nationally; unless the caller acknowledged them, it refuses with
 * 409 `possible_duplicates` and the candidates.
 *
 * The candidates come from findCandidates() (matching part); the exact-identifier search here is
 * the part every creation needs whatever the fuzzy matching finds.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { AppError } from '../../../../server/errors.ts';
import type { MatchCandidate, MatchInput } from '../../contract/matching.ts';
import { findCandidates } from './candidates.ts';

/** The same person written by two desks gives the same key: identifiers first, else folded names and birth year. */
export function identityKey(input: MatchInput): string {
  if (input.cnie) return `cnie:${input.cnie.replace(/\s/g, '').toUpperCase()}`;
  if (input.idcs) return `idcs:${input.idcs.trim()}`;
  return `birth:${input.birthDate?.slice(0, 4) ?? '?'}`;
}

export async function guardAgainstDuplicates(trx: Tx, input: MatchInput, acknowledged: boolean): Promise<MatchCandidate[]> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${identityKey(input)}, 6))`.execute(trx);
  const { candidates } = await findCandidates(trx, input);
  if (candidates.length > 0 && !acknowledged) {
    throw new AppError(409, 'beneficiaries.errors.possible_duplicates', [], {}, { candidates });
  }
  return candidates;
}
