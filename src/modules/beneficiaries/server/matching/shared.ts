/** Helpers the matching part's queries share: person summaries read under RLS, keyset cursors. */
import type { Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import type { PersonSummary } from '../../contract/common.ts';

const isoDate = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
export const isoTime = (d: Date | string) => (typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());

/** The persons of `ids` the caller may see (its RLS decides), by id. */
export async function visibleSummaries(trx: Tx, ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('beneficiaries.persons')
    .select(['id', 'first_name_ar', 'last_name_ar', 'first_name_lat', 'last_name_lat', 'sex', 'birth_date', 'birth_date_precision', 'cnie', 'delegation_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((p) => [
      p.id,
      {
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
      },
    ]),
  );
}

/** Keyset cursor over (created_at DESC, id DESC). */
export const encodeCursor = (createdAt: Date | string, id: string) => Buffer.from(`${isoTime(createdAt)}|${id}`).toString('base64url');
export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  }
  return { createdAt, id };
}
