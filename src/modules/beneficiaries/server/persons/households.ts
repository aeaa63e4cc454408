/** Households (RSU registers households): the list of the caller's scope and one household with its members. */
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { Household } from '../../contract/persons.ts';
import { decodeCursor, encodeCursor } from './queries.ts';
import { toPersonSummary } from '../person-summary.ts';

export async function listHouseholds(tx: Tx, f: { q?: string; after?: string; limit: number }) {
  let q = tx.selectFrom('beneficiaries.households as h');
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 6)) {
    q = q.where(sql<SqlBool>`app.fold_name(h.label) LIKE '%' || app.fold_name(${word}) || '%'`);
  }
  if (f.after) {
    const { key, id } = decodeCursor(f.after, 'label', 'beneficiaries.persons.bad_cursor');
    q = q.where(sql<SqlBool>`(h.label, h.id) > (${key}::text, ${id}::uuid)`);
  }
  const rows = await q
    .select(['h.id', 'h.label', 'h.address', 'h.commune_id', 'h.rsu_registered', 'h.delegation_id'])
    .select((eb) => eb.selectFrom('beneficiaries.persons as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.household_id', '=', 'h.id').as('member_count'))
    .orderBy('h.label')
    .orderBy('h.id')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      label: r.label,
      address: r.address,
      communeId: r.commune_id,
      rsuRegistered: r.rsu_registered,
      delegationId: r.delegation_id!,
      memberCount: Number(r.member_count ?? 0),
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor('label', last.label, last.id) : null,
  };
}

export async function findHousehold(tx: Tx, id: string): Promise<Household | undefined> {
  const h = await tx.selectFrom('beneficiaries.households').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) return undefined;
  const members = await tx
    .selectFrom('beneficiaries.persons as p')
    .select(['p.id', 'p.first_name_ar', 'p.last_name_ar', 'p.first_name_lat', 'p.last_name_lat', 'p.sex', 'p.birth_date', 'p.birth_date_precision', 'p.cnie', 'p.delegation_id'])
    .where('p.household_id', '=', id)
    .where('p.merged_into', 'is', null)
    .orderBy('p.birth_date')
    .execute();
  return {
    id: h.id,
    label: h.label,
    address: h.address,
    communeId: h.commune_id,
    rsuRegistered: h.rsu_registered,
    delegationId: h.delegation_id!,
    members: members.map(toPersonSummary),
  };
}
