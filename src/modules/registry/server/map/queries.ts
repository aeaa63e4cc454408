/**
 * The map's reads: institutions with a position, and counts and capacity per region and per
 * province. Each aggregate is one GROUP BY over the institutions' indexed place keys (region_id,
 * province_id), joined to the 12 regions or 75 provinces afterwards so areas with no institution
 * still answer 0. Row-level security scopes every read: a delegation counts only its own.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { DB } from '../../../../server/db/schema.generated.ts';
import { MAX_MAP_POINTS, type MapArea, type MapFilters, type MapPoints } from '../../contract/map.ts';

type InstitutionQuery<O> = SelectQueryBuilder<DB & { i: DB['registry.institutions'] }, 'i', O>;

function filtered<O>(query: InstitutionQuery<O>, f: MapFilters): InstitutionQuery<O> {
  let q = query;
  if (f.region) q = q.where('i.region_id', '=', f.region);
  if (f.province) q = q.where('i.province_id', '=', f.province);
  if (f.delegation) q = q.where('i.delegation_id', '=', f.delegation);
  if (f.category) q = q.where('i.legal_category', '=', f.category);
  if (f.centreType) q = q.where('i.centre_type', '=', f.centreType);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.area) q = q.where('i.area', '=', f.area);
  if (f.mode) q = q.where('i.mode', '=', f.mode);
  return q;
}

export async function mapPoints(tx: Tx, f: MapFilters): Promise<MapPoints> {
  const rows = await filtered(tx.selectFrom('registry.institutions as i'), f)
    .where('i.latitude', 'is not', null)
    .select(['i.id', 'i.name_ar', 'i.name_fr', 'i.latitude', 'i.longitude', 'i.legal_category', 'i.centre_type', 'i.capacity_total'])
    .orderBy('i.id')
    .limit(MAX_MAP_POINTS + 1)
    .execute();
  const [unplaced] = await filtered(tx.selectFrom('registry.institutions as i'), f)
    .where('i.latitude', 'is', null)
    .select(sql<number>`count(*)::int`.as('n'))
    .execute();
  return {
    items: rows.slice(0, MAX_MAP_POINTS).map((r) => ({
      id: r.id,
      nameAr: r.name_ar,
      nameFr: r.name_fr,
      lat: Number(r.latitude),
      lon: Number(r.longitude),
      category: r.legal_category as MapPoints['items'][number]['category'],
      centreType: r.centre_type as MapPoints['items'][number]['centreType'],
      capacity: r.capacity_total ?? 0,
    })),
    truncated: rows.length > MAX_MAP_POINTS,
    withoutPosition: unplaced?.n ?? 0,
  };
}

export async function regionAggregates(tx: Tx, f: MapFilters): Promise<MapArea[]> {
  const counts = filtered(tx.selectFrom('registry.institutions as i'), f)
    .select(['i.region_id as key', sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(i.capacity_total), 0)::int`.as('capacity')])
    .groupBy('i.region_id');
  const rows = await tx
    .selectFrom('territory.regions as r')
    .leftJoin(counts.as('c'), 'c.key', 'r.id')
    .select(['r.id', 'r.code', 'r.iso_code', 'r.name_ar', 'r.name_fr', 'c.n', 'c.capacity'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, iso: r.iso_code, nameAr: r.name_ar, nameFr: r.name_fr, regionIso: null, regionId: r.id, count: r.n ?? 0, capacity: r.capacity ?? 0 }));
}

export async function provinceAggregates(tx: Tx, f: MapFilters): Promise<MapArea[]> {
  const counts = filtered(tx.selectFrom('registry.institutions as i'), f)
    .select(['i.province_id as key', sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(i.capacity_total), 0)::int`.as('capacity')])
    .groupBy('i.province_id');
  let query = tx
    .selectFrom('territory.provinces as p')
    .innerJoin('territory.regions as r', 'r.id', 'p.region_id')
    .leftJoin(counts.as('c'), 'c.key', 'p.id')
    .select(['p.id', 'p.code', 'p.iso_code', 'p.name_ar', 'p.name_fr', 'r.iso_code as region_iso', 'p.region_id', 'c.n', 'c.capacity'])
    .orderBy('p.code');
  // A region filter narrows the provinces listed as well (the map zooms onto that region).
  if (f.region) query = query.where('p.region_id', '=', f.region);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    iso: r.iso_code,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    regionIso: r.region_iso,
    regionId: r.region_id,
    count: r.n ?? 0,
    capacity: r.capacity ?? 0,
  }));
}
