/** Changing a delegation: its names and the prefectures/provinces it covers. */
import type { Tx } from '../../../server/context.ts';
import { invalidFields, notFound } from '../../../server/errors.ts';
import type { Delegation, UpdateDelegationBody } from '../contract.ts';
import { findDelegations } from './queries.ts';

export async function updateDelegation(tx: Tx, id: string, body: UpdateDelegationBody): Promise<Delegation> {
  const [current] = await findDelegations(tx, { ids: [id] });
  if (!current) throw notFound();
  if (body.nameAr !== undefined || body.nameFr !== undefined) {
    const updated = await tx
      .updateTable('organisation.delegations')
      .set({ ...(body.nameAr !== undefined && { name_ar: body.nameAr }), ...(body.nameFr !== undefined && { name_fr: body.nameFr }) })
      .where('id', '=', id)
      .executeTakeFirst();
    // Visible to all but writable only inside the scope: an out-of-scope change is a 404.
    if (updated.numUpdatedRows === 0n) throw notFound();
  }
  if (body.provinceIds) await assignProvinces(tx, current, [...new Set(body.provinceIds)]);
  const [after] = await findDelegations(tx, { ids: [id] });
  return after!;
}

/** Every prefecture/province stays covered: one left out must be moved to another delegation first. */
async function assignProvinces(tx: Tx, delegation: Delegation, provinceIds: string[]): Promise<void> {
  const dropped = delegation.provinces.filter((p) => !provinceIds.includes(p.id));
  if (dropped.length) throw invalidFields({ path: 'provinceIds', key: 'territory.fields.province_would_be_uncovered' });
  const rows = await tx
    .selectFrom('organisation.delegation_provinces')
    .select(['province_id', 'region_id'])
    .where('province_id', 'in', provinceIds)
    .execute();
  if (rows.length !== provinceIds.length || rows.some((r) => r.region_id !== delegation.regionId)) {
    throw invalidFields({ path: 'provinceIds', key: 'territory.fields.province_other_region' });
  }
  const moved = await tx
    .updateTable('organisation.delegation_provinces')
    .set({ delegation_id: delegation.id })
    .where('province_id', 'in', provinceIds)
    .where('delegation_id', '<>', delegation.id)
    .executeTakeFirst();
  const toMove = rows.length - delegation.provinces.length;
  if (Number(moved.numUpdatedRows) < toMove) throw notFound();
}
