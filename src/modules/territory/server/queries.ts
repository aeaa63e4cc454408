/** SQL of the territory module: regions, provinces, delegations (read by everyone signed in). */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { Delegation, Province, Region, RegionDetail } from '../contract.ts';

export async function listRegions(tx: Tx): Promise<Region[]> {
  const rows = await tx
    .selectFrom('territory.regions as r')
    .select(['r.id', 'r.code', 'r.iso_code', 'r.name_ar', 'r.name_fr', 'r.seat_fr'])
    .select((eb) => [
      eb.selectFrom('territory.provinces as p').whereRef('p.region_id', '=', 'r.id').select(eb.fn.countAll<string>().as('n')).as('province_count'),
      eb.selectFrom('organisation.delegations as d').whereRef('d.region_id', '=', 'r.id').select(eb.fn.countAll<string>().as('n')).as('delegation_count'),
    ])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    isoCode: r.iso_code,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    seatFr: r.seat_fr,
    provinceCount: Number(r.province_count ?? 0),
    delegationCount: Number(r.delegation_count ?? 0),
  }));
}

export async function listProvinces(tx: Tx, regionId?: string): Promise<Province[]> {
  let query = tx
    .selectFrom('territory.provinces as p')
    .leftJoin('organisation.delegation_provinces as dp', 'dp.province_id', 'p.id')
    .select(['p.id', 'p.code', 'p.iso_code', 'p.kind', 'p.region_id', 'p.name_ar', 'p.name_fr', 'dp.delegation_id'])
    .orderBy('p.code');
  if (regionId) query = query.where('p.region_id', '=', regionId);
  const rows = await query.execute();
  return rows.map((p) => ({
    id: p.id,
    code: p.code,
    isoCode: p.iso_code,
    kind: p.kind as Province['kind'],
    regionId: p.region_id,
    nameAr: p.name_ar,
    nameFr: p.name_fr,
    delegationId: p.delegation_id,
  }));
}

interface DelegationFilter {
  ids?: string[];
  regionId?: string;
  q?: string;
  after?: string;
  limit?: number;
}

/** Delegations with their provinces in one query (no N+1); keyset by code. */
export async function findDelegations(tx: Tx, f: DelegationFilter): Promise<Delegation[]> {
  let query = tx
    .selectFrom('organisation.delegations as d')
    .innerJoin('territory.regions as r', 'r.id', 'd.region_id')
    .select(['d.id', 'd.code', 'd.region_id', 'd.name_ar', 'd.name_fr', 'd.updated_at', 'r.name_ar as region_name_ar', 'r.name_fr as region_name_fr'])
    .select(
      sql<{ id: string; nameAr: string; nameFr: string }[]>`coalesce((
        SELECT json_agg(json_build_object('id', p.id, 'nameAr', p.name_ar, 'nameFr', p.name_fr) ORDER BY p.code)
        FROM organisation.delegation_provinces dp JOIN territory.provinces p ON p.id = dp.province_id
        WHERE dp.delegation_id = d.id), '[]'::json)`.as('provinces'),
    )
    .orderBy('d.code');
  if (f.ids) query = query.where('d.id', 'in', f.ids);
  if (f.regionId) query = query.where('d.region_id', '=', f.regionId);
  if (f.after) query = query.where('d.code', '>', f.after);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('d.name_fr', 'ilike', pattern), eb('d.name_ar', 'ilike', pattern), eb('d.code', 'like', pattern)]));
  }
  if (f.limit) query = query.limit(f.limit);
  const rows = await query.execute();
  return rows.map((d) => ({
    id: d.id,
    code: d.code,
    nameAr: d.name_ar,
    nameFr: d.name_fr,
    regionId: d.region_id,
    regionNameAr: d.region_name_ar,
    regionNameFr: d.region_name_fr,
    provinces: d.provinces,
    updatedAt: d.updated_at.toISOString(),
  }));
}

export async function findRegionDetail(tx: Tx, id: string): Promise<RegionDetail | undefined> {
  const region = (await listRegions(tx)).find((r) => r.id === id);
  if (!region) return undefined;
  const coordination = await tx.selectFrom('organisation.coordinations').select(['name_ar', 'name_fr']).where('region_id', '=', id).executeTakeFirst();
  return {
    ...region,
    coordinationNameAr: coordination?.name_ar ?? '',
    coordinationNameFr: coordination?.name_fr ?? '',
    provinces: await listProvinces(tx, id),
    delegations: await findDelegations(tx, { regionId: id }),
  };
}
