/**
 * SQL of the staff side of the directory, under the caller's row-level security: the institutions
 * of the caller's scope with their publication settings (a row appears before anyone saved
 * settings: the publication is then absent and its defaults are shown), and one institution's.
 * Paging is keyset on (name in the reader's language, id), like the registry's list (decision 0012).
 */
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { invalidFields } from '../../../server/errors.ts';
import type { Language } from '../../../platform/contract/common.ts';
import {
  defaultPublicFields,
  isOperating,
  type Publication,
  type PublicationFilters,
  type PublicationListItem,
} from '../contract.ts';

export interface PublicationRow {
  id: string;
  name_ar: string;
  name_fr: string;
  status: Publication['status'];
  legal_category: PublicationListItem['legalCategory'];
  centre_type: PublicationListItem['centreType'];
  capacity_total: number;
  commune_name_ar: string;
  commune_name_fr: string;
  province_name_ar: string;
  province_name_fr: string;
  published: boolean | null;
  public_fields: Publication['publicFields'] | null;
  opening_hours_ar: string | null;
  opening_hours_fr: string | null;
  availability: Publication['availability'];
  places_available: number | null;
  availability_updated_at: Date | null;
  published_at: Date | null;
  updated_at: Date | null;
  sort_key: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toPublication(r: PublicationRow): Publication {
  const published = r.published ?? false;
  return {
    institutionId: r.id,
    nameAr: r.name_ar,
    nameFr: r.name_fr,
    status: r.status,
    visible: published && isOperating(r.status),
    published,
    publicFields: r.public_fields ?? [...defaultPublicFields],
    openingHoursAr: r.opening_hours_ar,
    openingHoursFr: r.opening_hours_fr,
    availability: r.availability,
    placesAvailable: r.places_available,
    availabilityUpdatedAt: iso(r.availability_updated_at),
    publishedAt: iso(r.published_at),
    capacityTotal: Number(r.capacity_total),
    updatedAt: iso(r.updated_at),
  };
}

export function toListItem(r: PublicationRow): PublicationListItem {
  const { openingHoursAr: _ar, openingHoursFr: _fr, ...rest } = toPublication(r);
  return {
    ...rest,
    legalCategory: r.legal_category,
    centreType: r.centre_type,
    communeNameAr: r.commune_name_ar,
    communeNameFr: r.commune_name_fr,
    provinceNameAr: r.province_name_ar,
    provinceNameFr: r.province_name_fr,
  };
}

/** Opaque cursor: the language it sorts by, the last row's name and id. */
const encodeCursor = (lang: Language, key: string, id: string) => Buffer.from(JSON.stringify([lang, key, id])).toString('base64url');

function decodeCursor(cursor: string, lang: Language): { key: string; id: string } {
  try {
    const [l, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (l === lang && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through: a cursor that is not ours
  }
  throw invalidFields({ path: 'after', key: 'directory.validation.bad_cursor' });
}

/**
 * The caller's scope said once more as a plain predicate the planner can match to the
 * institutions' scope indexes; row-level security still decides what is visible.
 */
function scopeNarrowing(user: CurrentUser): RawBuilder<unknown> | null {
  const { level, regionId, delegationId, associationId, institutionId } = user.scope;
  if (level === 'region' && regionId) return sql`i.region_id = ${regionId}::uuid`;
  if (level === 'delegation' && delegationId) return sql`i.delegation_id = ${delegationId}::uuid`;
  if (level === 'association' && associationId) return sql`i.association_id = ${associationId}::uuid`;
  if (level === 'institution' && institutionId) return sql`i.id = ${institutionId}::uuid`;
  return null;
}

function filterConditions(f: PublicationFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  for (const word of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    // As the registry's search (0065): the trigram key finds candidates, the folded key confirms.
    where.push(sql`i.search_trgm LIKE '%' || registry.trigram_key(app.fold_name(${word})) || '%'`);
    where.push(sql`i.search_key LIKE '%' || app.fold_name(${word}) || '%'`);
  }
  if (f.published === 'yes') where.push(sql`coalesce(pub.published, false)`);
  if (f.published === 'no') where.push(sql`NOT coalesce(pub.published, false)`);
  if (f.category) where.push(sql`i.legal_category = ${f.category}`);
  if (f.centreType) where.push(sql`i.centre_type = ${f.centreType}`);
  if (f.availability === 'unknown') where.push(sql`pub.availability IS NULL`);
  else if (f.availability) where.push(sql`pub.availability = ${f.availability}`);
  if (f.province) where.push(sql`i.province_id = ${f.province}::uuid`);
  if (f.commune) where.push(sql`i.commune_id = ${f.commune}::uuid`);
  return where;
}

function selectPublications(lang: Language, where: RawBuilder<unknown>[], limit: number) {
  const name = sql.raw(lang === 'ar' ? 'i.name_ar' : 'i.name_fr');
  const condition = where.length ? sql.join(where, sql` AND `) : sql`true`;
  return sql<PublicationRow>`
    SELECT i.id, i.name_ar, i.name_fr, i.status, i.legal_category, i.centre_type,
      coalesce(i.capacity_total, i.capacity_male + i.capacity_female) AS capacity_total,
      c.name_ar AS commune_name_ar, c.name_fr AS commune_name_fr, p.name_ar AS province_name_ar, p.name_fr AS province_name_fr,
      pub.published, pub.public_fields, pub.opening_hours_ar, pub.opening_hours_fr, pub.availability, pub.places_available,
      pub.availability_updated_at, pub.published_at, pub.updated_at, ${name}::text AS sort_key
    FROM registry.institutions i
    LEFT JOIN directory.publications pub ON pub.institution_id = i.id
    JOIN territory.communes c ON c.id = i.commune_id
    JOIN territory.provinces p ON p.id = i.province_id
    WHERE ${condition}
    ORDER BY ${name}, i.id
    LIMIT ${limit}`;
}

/** The most an export holds (a region's institutions are a few hundred; the nation's about 5,000). */
export const EXPORT_MAX_ROWS = 20_000;

export async function listPublications(
  tx: Tx,
  user: CurrentUser,
  f: PublicationFilters & { after?: string; limit: number },
  lang: Language,
): Promise<{ items: PublicationListItem[]; nextCursor: string | null }> {
  const where = filterConditions(f);
  const narrowing = scopeNarrowing(user);
  if (narrowing) where.push(narrowing);
  if (f.after) {
    const { key, id } = decodeCursor(f.after, lang);
    where.push(sql`(${sql.raw(lang === 'ar' ? 'i.name_ar' : 'i.name_fr')}, i.id) > (${key}, ${id}::uuid)`);
  }
  const rows = (await selectPublications(lang, where, f.limit + 1).execute(tx)).rows;
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map(toListItem), nextCursor: rows.length > f.limit && last ? encodeCursor(lang, last.sort_key, last.id) : null };
}

/** Every row the filters select, in the list's order, for the export. */
export async function allPublications(tx: Tx, user: CurrentUser, f: PublicationFilters, lang: Language): Promise<PublicationListItem[]> {
  const where = filterConditions(f);
  const narrowing = scopeNarrowing(user);
  if (narrowing) where.push(narrowing);
  return (await selectPublications(lang, where, EXPORT_MAX_ROWS).execute(tx)).rows.map(toListItem);
}

/** One institution's settings, or undefined when the institution is not in the caller's scope. */
export async function findPublication(tx: Tx, institutionId: string): Promise<Publication | undefined> {
  const [row] = (await selectPublications('fr', [sql`i.id = ${institutionId}::uuid`], 1).execute(tx)).rows;
  return row ? toPublication(row) : undefined;
}
