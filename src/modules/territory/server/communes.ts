/** Communes: listed by province (or region, or name), created by whoever covers the province. */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { Commune, CreateCommuneBody } from '../contract.ts';

interface CommuneFilter {
  provinceId?: string;
  regionId?: string;
  q?: string;
  /** Cursor: the last row's French name and id, base64url JSON. */
  after?: string;
  limit: number;
}

const decodeCursor = (after: string): [string, string] | null => {
  try {
    const v = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string') ? (v as [string, string]) : null;
  } catch {
    return null;
  }
};
const encodeCursor = (c: Commune): string => Buffer.from(JSON.stringify([c.nameFr, c.id])).toString('base64url');

const columns = ['c.id', 'c.code', 'c.kind', 'c.province_id', 'c.region_id', 'c.delegation_id', 'c.name_ar', 'c.name_fr'] as const;

// region_id is never null once written (trigger + check constraint communes_region_filled).
function toCommune(r: { id: string; code: string | null; kind: string; province_id: string; region_id: string | null; delegation_id: string | null; name_ar: string; name_fr: string }): Commune {
  return { id: r.id, code: r.code, kind: r.kind as Commune['kind'], provinceId: r.province_id, regionId: r.region_id!, delegationId: r.delegation_id, nameAr: r.name_ar, nameFr: r.name_fr };
}

export async function findCommunes(tx: Tx, f: CommuneFilter): Promise<{ items: Commune[]; nextCursor: string | null }> {
  let query = tx.selectFrom('territory.communes as c').select(columns).orderBy('c.name_fr').orderBy('c.id').limit(f.limit + 1);
  if (f.provinceId) query = query.where('c.province_id', '=', f.provinceId);
  if (f.regionId) query = query.where('c.region_id', '=', f.regionId);
  if (f.q) {
    const folded = sql<string>`app.fold_name(${f.q})`;
    query = query.where((eb) => eb.or([eb('c.name_key_fr', 'like', sql<string>`${folded} || '%'`), eb('c.name_key_ar', 'like', sql<string>`${folded} || '%'`)]));
  }
  const cursor = f.after ? decodeCursor(f.after) : null;
  if (cursor) query = query.where((eb) => eb(eb.refTuple('c.name_fr', 'c.id'), '>', eb.tuple(cursor[0], cursor[1])));
  const rows = (await query.execute()).map(toCommune);
  const items = rows.slice(0, f.limit);
  return { items, nextCursor: rows.length > f.limit ? encodeCursor(items[items.length - 1]!) : null };
}

export async function createCommune(tx: Tx, body: CreateCommuneBody): Promise<Commune> {
  const row = await tx
    .insertInto('territory.communes')
    .values({ province_id: body.provinceId, kind: body.kind, name_ar: body.nameAr, name_fr: body.nameFr, code: body.code ?? null })
    .returning(['id', 'code', 'kind', 'province_id', 'region_id', 'delegation_id', 'name_ar', 'name_fr'])
    .executeTakeFirstOrThrow();
  return toCommune(row);
}
