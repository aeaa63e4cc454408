/**
 * The public directory's in-memory copy of what may be shown (decision 0023): every published
 * institution's public fields, the regions and provinces for the search form, and the communes for
 * the request form. A few thousand rows nationally, so searches run in memory and the database is
 * asked only whether something changed (one sequence read every few seconds, in the background).
 */
import { sql } from 'kysely';
import { foldName } from '../../../platform/contract/fold-name.ts';
import { anonymous, type ServerContext } from '../../../server/context.ts';

export interface Listing {
  id: string;
  nameAr: string;
  nameFr: string;
  /** Folded names of the institution, its commune and its province (see foldName). */
  searchKey: string;
  legalCategory: string | null;
  centreType: string | null;
  targetGroups: string[];
  services: string[];
  sexServed: string;
  area: string;
  mode: string;
  regionId: string;
  provinceId: string;
  communeId: string;
  communeNameAr: string;
  communeNameFr: string;
  addressAr: string | null;
  addressFr: string | null;
  phone: string | null;
  email: string | null;
  openingHoursAr: string | null;
  openingHoursFr: string | null;
  capacityTotal: number | null;
  availability: 'available' | 'limited' | 'full' | null;
  placesAvailable: number | null;
  availabilityUpdatedAt: Date | null;
  latitude: number | null;
  longitude: number | null;
  licenceNumber: string | null;
  licenceDate: string | null;
  updatedAt: Date;
}

export interface Place {
  id: string;
  code: string;
  nameAr: string;
  nameFr: string;
}
export interface Province extends Place {
  regionId: string;
  /** ISO 3166-2 code: the id of its boundary in the map's shapes. */
  isoCode: string | null;
}
export interface Commune {
  id: string;
  provinceId: string;
  nameAr: string;
  nameFr: string;
  key: string;
}

export interface Snapshot {
  version: string;
  loadedAt: Date;
  listings: readonly Listing[];
  byId: ReadonlyMap<string, Listing>;
  regions: readonly Place[];
  provinces: readonly Province[];
  communes: readonly Commune[];
}

type Row = Record<string, unknown>;
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const day = (v: unknown): string | null => (v instanceof Date ? v.toISOString().slice(0, 10) : text(v));

function toListing(r: Row): Listing {
  return {
    id: String(r.id),
    nameAr: String(r.name_ar),
    nameFr: String(r.name_fr),
    searchKey: `${String(r.search_key)} ${String(r.commune_key)}`,
    legalCategory: text(r.legal_category),
    centreType: text(r.centre_type),
    targetGroups: r.target_groups as string[],
    services: r.services as string[],
    sexServed: String(r.sex_served),
    area: String(r.area),
    mode: String(r.mode),
    regionId: String(r.region_id),
    provinceId: String(r.province_id),
    communeId: String(r.commune_id),
    communeNameAr: String(r.commune_name_ar),
    communeNameFr: String(r.commune_name_fr),
    addressAr: text(r.address_ar),
    addressFr: text(r.address_fr),
    phone: text(r.phone),
    email: text(r.email),
    openingHoursAr: text(r.opening_hours_ar),
    openingHoursFr: text(r.opening_hours_fr),
    capacityTotal: r.capacity_total === null ? null : Number(r.capacity_total),
    availability: r.availability as Listing['availability'],
    placesAvailable: r.places_available === null ? null : Number(r.places_available),
    availabilityUpdatedAt: (r.availability_updated_at as Date | null) ?? null,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    licenceNumber: text(r.licence_number),
    licenceDate: day(r.licence_date),
    updatedAt: r.updated_at as Date,
  };
}

async function load(ctx: ServerContext): Promise<Snapshot> {
  return anonymous(ctx, async (tx) => {
    const version = (await sql<{ v: string }>`SELECT directory.current_version()::text AS v`.execute(tx)).rows[0]!.v;
    const listings = (await sql<Row>`SELECT * FROM directory.public_listings() ORDER BY name_fr, id`.execute(tx)).rows.map(toListing);
    const regions = (await sql<Place>`SELECT id, code, name_ar AS "nameAr", name_fr AS "nameFr" FROM territory.regions ORDER BY code`.execute(tx)).rows;
    const provinces = (await sql<Province>`SELECT id, code, name_ar AS "nameAr", name_fr AS "nameFr", region_id AS "regionId",
      iso_code AS "isoCode" FROM territory.provinces ORDER BY code`.execute(tx)).rows;
    const communes = (await sql<Omit<Commune, 'key'>>`SELECT id, province_id AS "provinceId", name_ar AS "nameAr", name_fr AS "nameFr"
      FROM territory.communes ORDER BY name_fr, id`.execute(tx)).rows.map((c) => ({ ...c, key: foldName(`${c.nameAr} ${c.nameFr}`) }));
    return { version, loadedAt: new Date(), listings, byId: new Map(listings.map((l) => [l.id, l])), regions, provinces, communes };
  });
}

export interface DirectorySource {
  /** The current copy; loads it on first use, and looks for changes in the background after. */
  current(): Promise<Snapshot>;
  /** Reloads now if the registry changed (tests, and the staff screens after a publication edit). */
  refresh(): Promise<Snapshot>;
}

export function directorySource(ctx: ServerContext): DirectorySource {
  const everyMs = ctx.config.directoryRefreshSeconds * 1000;
  let snapshot: Promise<Snapshot> | null = null;
  let checkedAt = 0;
  let checking: Promise<Snapshot> | null = null;

  const first = (): Promise<Snapshot> => {
    checkedAt = Date.now();
    const loading = load(ctx);
    // A failed first load is tried again by the next request rather than remembered.
    loading.catch(() => (snapshot = null));
    return (snapshot = loading);
  };
  // The previous copy keeps answering until the new one is complete.
  const check = async (): Promise<Snapshot> => {
    const previous = await (snapshot ?? first());
    const version = await anonymous(ctx, async (tx) => (await sql<{ v: string }>`SELECT directory.current_version()::text AS v`.execute(tx)).rows[0]!.v);
    if (version === previous.version) return previous;
    const next = await load(ctx);
    snapshot = Promise.resolve(next);
    return next;
  };
  const refresh = (): Promise<Snapshot> => {
    checkedAt = Date.now();
    checking ??= check().finally(() => (checking = null));
    return checking;
  };
  return {
    refresh,
    current() {
      if (!snapshot) return first();
      if (everyMs === 0) return refresh();
      if (Date.now() - checkedAt >= everyMs) refresh().catch(() => undefined);
      return snapshot;
    },
  };
}
