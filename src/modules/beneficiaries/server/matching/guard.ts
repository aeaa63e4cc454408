/**
 * The duplicate gate of every person creation (reception, register, import): two receptionists
 * creating the same person at the same moment must not produce two records without a warning.
 * The gate takes a transaction-scoped advisory lock on the person's identity key, so concurrent
 * creations of the same person run one after the other, and the second one sees the first.
 * It then looks for candidates nationally; unless the caller acknowledged them, it refuses with
 * 409 `possible_duplicates` and the candidates.
 *
 * The candidates come from findCandidates(), the national matcher.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { AppError } from '../../../../server/errors.ts';
import type { MatchCandidate, MatchInput } from '../../contract/matching.ts';
import { findCandidates } from './candidates.ts';

/**
 * The keys two desks writing the same person share: the birth year always (one desk may type a
 * CNIE the other lacks), and each identifier given. Sorted, so concurrent lockers never deadlock.
 */
export function identityKeys(input: MatchInput): string[] {
  const keys = [`birth:${input.birthDate?.slice(0, 4) ?? '?'}`];
  if (input.cnie) keys.push(`cnie:${input.cnie.replace(/\s/g, '').toUpperCase()}`);
  if (input.idcs) keys.push(`idcs:${input.idcs.trim()}`);
  return keys.sort();
}

export async function guardAgainstDuplicates(trx: Tx, input: MatchInput, acknowledged: boolean): Promise<MatchCandidate[]> {
  for (const key of identityKeys(input)) await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 6))`.execute(trx);
  const { candidates } = await findCandidates(trx, input);
  if (candidates.length > 0 && !acknowledged) {
    throw new AppError(409, 'beneficiaries.errors.possible_duplicates', [], {}, { candidates });
  }
  return candidates;
}
