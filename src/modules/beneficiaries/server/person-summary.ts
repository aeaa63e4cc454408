/**
 * One way to say who a person is in lists, pickers and candidates (contract PersonSummary): the
 * columns to read, the mapping, and the read of a set of persons under the caller's row-level
 * security (persons it may not see are simply absent).
 */
import type { Tx } from '../../../server/context.ts';
import type { PersonSummary } from '../contract/common.ts';

export const personSummaryColumns = ['id', 'first_name_ar', 'last_name_ar', 'first_name_lat', 'last_name_lat', 'sex', 'birth_date', 'birth_date_precision', 'cnie', 'delegation_id'] as const;

export interface PersonSummaryRow {
  id: string;
  first_name_ar: string | null;
  last_name_ar: string | null;
  first_name_lat: string | null;
  last_name_lat: string | null;
  sex: string;
  birth_date: unknown;
  birth_date_precision: string;
  cnie: string | null;
  delegation_id: string | null;
}

/** A calendar date as read from the database (a Date or 'YYYY-MM-DD…'), as 'YYYY-MM-DD'. */
export const day = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export function toPersonSummary(r: PersonSummaryRow): PersonSummary {
  return {
    id: r.id,
    firstNameAr: r.first_name_ar,
    lastNameAr: r.last_name_ar,
    firstNameLat: r.first_name_lat,
    lastNameLat: r.last_name_lat,
    sex: r.sex as PersonSummary['sex'],
    birthDate: day(r.birth_date),
    birthDatePrecision: r.birth_date_precision as PersonSummary['birthDatePrecision'],
    cnie: r.cnie,
    // Filled by the holder trigger on every row (checked column, hence nullable in the types).
    delegationId: r.delegation_id!,
  };
}

/** The persons of `ids` the caller may see (its RLS decides), by id. */
export async function visibleSummaries(trx: Tx, ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('beneficiaries.persons').select(personSummaryColumns).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((p) => [p.id, toPersonSummary(p)]));
}
