/**
 * Candidates for "the same person" across the whole country. A national look-up cannot run under
 * the caller's row-level security (it must see every delegation), so it runs in a narrow SECURITY
 * DEFINER function (beneficiaries.match_exact, 0080) that returns ids, holders and reasons only; the
 * caller then reads, under its own RLS, the persons it may see.
 *
 * This first version finds exact identifiers (CNIE, IDCS). Names across scripts, birth and parents
 * come with the matching part (0081-0084), which extends this function's SQL and scoring.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { MatchCandidate, MatchInput, MatchResult } from '../../contract/matching.ts';

export const DEFAULT_THRESHOLD = 0.75;

interface Row {
  person_id: string;
  score: number;
  reasons: string[];
  delegation_id: string;
  delegation_name_ar: string;
  delegation_name_fr: string;
}

export async function findCandidates(trx: Tx, input: MatchInput): Promise<MatchResult> {
  const cnie = input.cnie ? input.cnie.replace(/\s/g, '').toUpperCase() : null;
  const idcs = input.idcs ? input.idcs.trim() : null;
  const { rows } = await sql<Row>`SELECT * FROM beneficiaries.match_exact(${cnie}, ${idcs}, ${input.excludePersonId ?? null}::uuid)`.execute(trx);
  const visible = await trx
    .selectFrom('beneficiaries.persons')
    .select(['id', 'first_name_ar', 'last_name_ar', 'first_name_lat', 'last_name_lat', 'sex', 'birth_date', 'birth_date_precision', 'cnie', 'delegation_id'])
    .where('id', 'in', rows.length ? rows.map((r) => r.person_id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const byId = new Map(visible.map((p) => [p.id, p]));
  const candidates: MatchCandidate[] = rows.map((r) => {
    const p = byId.get(r.person_id);
    return {
      personId: r.person_id,
      score: Number(r.score),
      reasons: r.reasons as MatchCandidate['reasons'],
      inScope: p !== undefined,
      person: p
        ? {
            id: p.id,
            firstNameAr: p.first_name_ar,
            lastNameAr: p.last_name_ar,
            firstNameLat: p.first_name_lat,
            lastNameLat: p.last_name_lat,
            sex: p.sex as 'male' | 'female',
            birthDate: p.birth_date ? isoDate(p.birth_date) : null,
            birthDatePrecision: p.birth_date_precision as 'exact' | 'year',
            cnie: p.cnie,
            delegationId: p.delegation_id!,
          }
        : null,
      holder: { delegationId: r.delegation_id, nameAr: r.delegation_name_ar, nameFr: r.delegation_name_fr },
    };
  });
  return { threshold: DEFAULT_THRESHOLD, candidates };
}

const isoDate = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
