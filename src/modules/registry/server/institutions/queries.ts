/**
 * SQL of the institutions list and record, under the caller's row-level security (decision 0012).
 * One query per list page: the names of the founder, commune, province and region are joined in;
 * the filters and the sort each have an index (0051, 0065); paging is keyset on (sort key, id).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import type { Language } from '../../../../platform/contract/common.ts';
import type {
  CommitteeMember,
  Institution,
  InstitutionFilters,
  InstitutionListItem,
  InstitutionService,
  InstitutionSort,
  Room,
} from '../../contract/institutions.ts';

/** Dates come back from the driver as 'YYYY-MM-DD' text (pool.ts), whatever the generated types say. */
const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The column each sort orders by, its direction, and how the cursor's text turns back into a value. */
function sortSpec(sort: InstitutionSort, lang: Language) {
  switch (sort) {
    case 'name':
    case '-name':
      return { token: `${sort}:${lang}`, column: lang === 'ar' ? 'i.name_ar' : 'i.name_fr', desc: sort === '-name', cast: 'text' } as const;
    case 'capacity':
    case '-capacity':
      return { token: sort, column: 'i.capacity_total', desc: sort === '-capacity', cast: 'int' } as const;
    case 'updated':
      return { token: sort, column: 'i.updated_at', desc: true, cast: 'timestamptz' } as const;
  }
}

/** Opaque cursor: the sort it belongs to, the last row's sort key (as PostgreSQL text, exact) and id. */
export function encodeCursor(token: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify([token, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, token: string): { key: string; id: string } {
  try {
    const [t, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (t === token && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through: a cursor that is not ours
  }
  throw invalidFields({ path: 'after', key: 'registry.institutions.bad_cursor' });
}

/** Search words: each must occur in the folded names (Arabic or Latin), in any order. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
}

/** Columns of the institution a list row shows (the names of its places come from joins). */
const LIST_COLUMNS = [
  'i.id', 'i.name_ar', 'i.name_fr', 'i.legal_category', 'i.centre_type', 'i.status', 'i.area', 'i.mode', 'i.sex_served',
  'i.capacity_male', 'i.capacity_female', 'i.capacity_total', 'i.licence_number', 'i.licence_date', 'i.association_id',
  'i.commune_id', 'i.province_id', 'i.region_id', 'i.delegation_id', 'i.updated_at',
] as const;

const fromInstitutions = (tx: Tx) => tx.selectFrom('registry.institutions as i');
type FromInstitutions = ReturnType<typeof fromInstitutions>;

/** The filters of the list, the export and the map, as one WHERE on the institutions alone. */
export function applyFilters(query: FromInstitutions, f: InstitutionFilters): FromInstitutions {
  let q = query;
  for (const word of searchWords(f.q)) {
    // fold_name keeps only letters, digits and spaces, so the pattern holds no LIKE wildcard.
    // The ASCII spelling (search_trgm) finds candidates through the trigram index, in Arabic too;
    // the folded key confirms them exactly (0065).
    q = q.where(sql<SqlBool>`i.search_trgm LIKE '%' || registry.trigram_key(app.fold_name(${word})) || '%'`);
    q = q.where(sql<SqlBool>`i.search_key LIKE '%' || app.fold_name(${word}) || '%'`);
  }
  if (f.region) q = q.where('i.region_id', '=', f.region);
  if (f.province) q = q.where('i.province_id', '=', f.province);
  if (f.delegation) q = q.where('i.delegation_id', '=', f.delegation);
  if (f.association) q = q.where('i.association_id', '=', f.association);
  if (f.commune) q = q.where('i.commune_id', '=', f.commune);
  if (f.category) q = q.where('i.legal_category', '=', f.category);
  if (f.centreType) q = q.where('i.centre_type', '=', f.centreType);
  if (f.status) q = q.where('i.status', '=', f.status);
  if (f.area) q = q.where('i.area', '=', f.area);
  if (f.mode) q = q.where('i.mode', '=', f.mode);
  if (f.sexServed) q = q.where('i.sex_served', '=', f.sexServed);
  if (f.capacityMin !== undefined) q = q.where('i.capacity_total', '>=', f.capacityMin);
  if (f.capacityMax !== undefined) q = q.where('i.capacity_total', '<=', f.capacityMax);
  if (f.service) {
    const service = f.service;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('registry.institution_services as s').select('s.institution_id').whereRef('s.institution_id', '=', 'i.id').where('s.service', '=', service)),
    );
  }
  return q;
}

/**
 * The caller's scope said once more as a plain predicate the planner can match to the indexes
 * (scope, name, id): row-level security alone is a CASE on session settings, which no index serves,
 * so a delegation's first page would otherwise walk the national name index. RLS still decides
 * what is visible; this only narrows the scan to the same rows.
 */
function withinScope(q: FromInstitutions, user: CurrentUser): FromInstitutions {
  const { level, regionId, delegationId, associationId, institutionId } = user.scope;
  if (level === 'region' && regionId) return q.where('i.region_id', '=', regionId);
  if (level === 'delegation' && delegationId) return q.where('i.delegation_id', '=', delegationId);
  if (level === 'association' && associationId) return q.where('i.association_id', '=', associationId);
  if (level === 'institution' && institutionId) return q.where('i.id', '=', institutionId);
  return q;
}

/**
 * The rows of one page (or of the export), in order: first the institutions alone — filters,
 * keyset, sort and limit on one table, where the indexes work and the planner's estimates hold —
 * then the names of the founder and the places joined to those rows only.
 */
export function orderedInstitutions(tx: Tx, user: CurrentUser, f: InstitutionFilters, lang: Language, page: { limit: number; after?: string }) {
  const spec = sortSpec(f.sort, lang);
  const direction = spec.desc ? 'desc' : 'asc';
  let rows = withinScope(applyFilters(fromInstitutions(tx), f), user);
  if (page.after) {
    const { key, id } = decodeCursor(page.after, spec.token);
    const value: Expression<unknown> = sql`${key}::${sql.raw(spec.cast)}`;
    rows = rows.where(sql<SqlBool>`(${sql.ref(spec.column)}, i.id) ${sql.raw(spec.desc ? '<' : '>')} (${value}, ${id}::uuid)`);
  }
  const ordered = rows
    .select(LIST_COLUMNS)
    .select(sql<string>`${sql.ref(spec.column)}::text`.as('sort_key'))
    .orderBy(sql.ref(spec.column), direction)
    .orderBy('i.id', direction)
    .limit(page.limit);
  return tx
    .selectFrom(ordered.as('i'))
    .innerJoin('registry.associations as a', 'a.id', 'i.association_id')
    .innerJoin('territory.communes as c', 'c.id', 'i.commune_id')
    .innerJoin('territory.provinces as p', 'p.id', 'i.province_id')
    .innerJoin('territory.regions as r', 'r.id', 'i.region_id')
    .selectAll('i')
    .select([
      'a.name_ar as association_name_ar', 'a.name_fr as association_name_fr',
      'c.name_ar as commune_name_ar', 'c.name_fr as commune_name_fr',
      'p.name_ar as province_name_ar', 'p.name_fr as province_name_fr',
      'r.name_ar as region_name_ar', 'r.name_fr as region_name_fr',
    ])
    .orderBy(sql.ref(spec.column), direction)
    .orderBy('i.id', direction);
}

/** A record's row with the names of its founder and places (the detail adds its own columns). */
function withNames(tx: Tx) {
  return tx
    .selectFrom('registry.institutions as i')
    .innerJoin('registry.associations as a', 'a.id', 'i.association_id')
    .innerJoin('territory.communes as c', 'c.id', 'i.commune_id')
    .innerJoin('territory.provinces as p', 'p.id', 'i.province_id')
    .innerJoin('territory.regions as r', 'r.id', 'i.region_id')
    .select(LIST_COLUMNS)
    .select([
      'a.name_ar as association_name_ar', 'a.name_fr as association_name_fr',
      'c.name_ar as commune_name_ar', 'c.name_fr as commune_name_fr',
      'p.name_ar as province_name_ar', 'p.name_fr as province_name_fr',
      'r.name_ar as region_name_ar', 'r.name_fr as region_name_fr',
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export function toListItem(r: ListRow): InstitutionListItem {
  return {
    id: r.id,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    legalCategory: r.legal_category as InstitutionListItem['legalCategory'],
    centreType: r.centre_type as InstitutionListItem['centreType'],
    status: r.status as InstitutionListItem['status'],
    area: r.area as InstitutionListItem['area'],
    mode: r.mode as InstitutionListItem['mode'],
    sexServed: r.sex_served as InstitutionListItem['sexServed'],
    capacityMale: r.capacity_male,
    capacityFemale: r.capacity_female,
    capacityTotal: r.capacity_total ?? r.capacity_male + r.capacity_female,
    licenceNumber: r.licence_number,
    licenceDate: day(r.licence_date),
    associationId: r.association_id,
    associationNameAr: r.association_name_ar,
    associationNameFr: r.association_name_fr,
    communeId: r.commune_id,
    communeNameAr: r.commune_name_ar,
    communeNameFr: r.commune_name_fr,
    provinceNameAr: r.province_name_ar,
    provinceNameFr: r.province_name_fr,
    regionNameAr: r.region_name_ar,
    regionNameFr: r.region_name_fr,
    delegationId: r.delegation_id,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listInstitutions(
  tx: Tx,
  user: CurrentUser,
  f: InstitutionFilters & { after?: string; limit: number },
  lang: Language,
): Promise<{ items: InstitutionListItem[]; nextCursor: string | null }> {
  const spec = sortSpec(f.sort, lang);
  const rows = await orderedInstitutions(tx, user, f, lang, { limit: f.limit + 1, after: f.after }).execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(toListItem), nextCursor: rows.length > f.limit && last ? encodeCursor(spec.token, last.sort_key, last.id) : null };
}

export async function findInstitution(tx: Tx, id: string): Promise<Institution | undefined> {
  const row = await withNames(tx)
    .leftJoin('organisation.delegations as d', 'd.id', 'i.delegation_id')
    .select([
      'i.address_ar', 'i.address_fr', 'i.latitude', 'i.longitude', 'i.province_id', 'i.region_id', 'i.target_groups', 'i.fee_mode',
      'i.director_name_ar', 'i.director_name_fr', 'i.director_appointed_on', 'i.director_endorsed_on', 'i.phone', 'i.email',
      'i.opened_on', 'i.created_at', 'd.name_ar as delegation_name_ar', 'd.name_fr as delegation_name_fr',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [rooms, services, committee] = await Promise.all([listRooms(tx, id), listServices(tx, id), listCommittee(tx, id)]);
  return {
    ...toListItem(row),
    addressAr: row.address_ar,
    addressFr: row.address_fr,
    latitude: row.latitude,
    longitude: row.longitude,
    provinceId: row.province_id!, // filled and checked by the commune trigger
    regionId: row.region_id!,
    delegationNameAr: row.delegation_name_ar,
    delegationNameFr: row.delegation_name_fr,
    targetGroups: row.target_groups as Institution['targetGroups'],
    feeMode: row.fee_mode as Institution['feeMode'],
    directorNameAr: row.director_name_ar,
    directorNameFr: row.director_name_fr,
    directorAppointedOn: day(row.director_appointed_on),
    directorEndorsedOn: day(row.director_endorsed_on),
    phone: row.phone,
    email: row.email,
    openedOn: day(row.opened_on),
    createdAt: row.created_at.toISOString(),
    rooms,
    services,
    committee,
  };
}

export async function listRooms(tx: Tx, institutionId: string): Promise<Room[]> {
  const rows = await tx
    .selectFrom('registry.rooms')
    .select(['id', 'name', 'kind', 'sex', 'area_m2', 'places'])
    .where('institution_id', '=', institutionId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as Room['kind'], sex: r.sex as Room['sex'], areaM2: r.area_m2, places: r.places }));
}

export async function listServices(tx: Tx, institutionId: string): Promise<InstitutionService[]> {
  const rows = await tx
    .selectFrom('registry.institution_services')
    .select(['service', 'permanence', 'extent'])
    .where('institution_id', '=', institutionId)
    .orderBy('service')
    .execute();
  return rows as InstitutionService[];
}

export async function listCommittee(tx: Tx, institutionId: string): Promise<CommitteeMember[]> {
  const rows = await tx
    .selectFrom('registry.committee_members')
    .select(['id', 'seat', 'full_name', 'since', 'until'])
    .where('institution_id', '=', institutionId)
    .orderBy('seat')
    .orderBy('since')
    .execute();
  return rows.map((r) => ({ id: r.id, seat: r.seat as CommitteeMember['seat'], fullName: r.full_name, since: day(r.since)!, until: day(r.until) }));
}
