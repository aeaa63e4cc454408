/**
 * Loads the 2015 territorial division and the default Entraide Nationale organisation:
 * a regional coordination per region and, for each prefecture/province not yet covered,
 * a delegation of its own. Idempotent: runs after every migration, changes only what differs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { z } from 'zod';

const TerritoryFile = z.object({
  regions: z.array(
    z.object({
      hcp_code: z.string(),
      iso3166_2: z.string(),
      name_fr: z.string(),
      name_ar: z.string(),
      seat_fr: z.string().optional(),
      prefectures_provinces: z.array(
        z.object({
          hcp_code: z.string(),
          type: z.enum(['prefecture', 'province']),
          name_fr: z.string(),
          name_ar: z.string(),
          iso3166_2: z.string().nullable().optional(),
        }),
      ),
    }),
  ),
});

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'morocco-territory-2015.json');

/** "جهة طنجة-تطوان-الحسيمة" → "طنجة-تطوان-الحسيمة": the coordination name adds its own word. */
const withoutRegionWord = (nameAr: string) => nameAr.replace(/^جهة\s+/, '');

export async function loadTerritory(client: pg.ClientBase): Promise<void> {
  const data = TerritoryFile.parse(JSON.parse(await readFile(file, 'utf8')));
  for (const region of data.regions) {
    const regionCode = region.hcp_code;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO territory.regions (code, iso_code, name_ar, name_fr, seat_fr) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET iso_code = EXCLUDED.iso_code, name_ar = EXCLUDED.name_ar,
         name_fr = EXCLUDED.name_fr, seat_fr = EXCLUDED.seat_fr
       WHERE (territory.regions.iso_code, territory.regions.name_ar, territory.regions.name_fr, territory.regions.seat_fr)
         IS DISTINCT FROM (EXCLUDED.iso_code, EXCLUDED.name_ar, EXCLUDED.name_fr, EXCLUDED.seat_fr)
       RETURNING id`,
      [regionCode, region.iso3166_2, region.name_ar, region.name_fr, region.seat_fr ?? null],
    );
    const regionId = rows[0]?.id ?? (await idByCode(client, 'territory.regions', regionCode));
    await client.query(
      `INSERT INTO organisation.coordinations (region_id, name_ar, name_fr) VALUES ($1, $2, $3) ON CONFLICT (region_id) DO NOTHING`,
      [regionId, `المنسقية الجهوية للتعاون الوطني - ${withoutRegionWord(region.name_ar)}`, `Coordination régionale de l'Entraide Nationale - ${region.name_fr}`],
    );
    for (const p of region.prefectures_provinces) {
      await client.query(
        `INSERT INTO territory.provinces (code, iso_code, kind, region_id, name_ar, name_fr) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET iso_code = EXCLUDED.iso_code, kind = EXCLUDED.kind, region_id = EXCLUDED.region_id,
           name_ar = EXCLUDED.name_ar, name_fr = EXCLUDED.name_fr
         WHERE (territory.provinces.iso_code, territory.provinces.kind, territory.provinces.region_id, territory.provinces.name_ar, territory.provinces.name_fr)
           IS DISTINCT FROM (EXCLUDED.iso_code, EXCLUDED.kind, EXCLUDED.region_id, EXCLUDED.name_ar, EXCLUDED.name_fr)`,
        [p.hcp_code, p.iso3166_2 ?? null, p.type, regionId, p.name_ar, p.name_fr],
      );
      await ensureDelegation(client, p.hcp_code, regionId, p.name_ar, p.name_fr);
    }
  }
}

async function idByCode(client: pg.ClientBase, table: string, code: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  if (!rows[0]) throw new Error(`${table} ${code} missing`);
  return rows[0].id;
}

/** One delegation per prefecture/province by default, named after it; later edits are kept. */
async function ensureDelegation(client: pg.ClientBase, provinceCode: string, regionId: string, nameAr: string, nameFr: string): Promise<void> {
  const provinceId = await idByCode(client, 'territory.provinces', provinceCode);
  const covered = await client.query('SELECT 1 FROM organisation.delegation_provinces WHERE province_id = $1', [provinceId]);
  if (covered.rowCount) return;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO organisation.delegations (code, region_id, name_ar, name_fr) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
    [provinceCode, regionId, `المندوبية الإقليمية للتعاون الوطني - ${nameAr}`, `Délégation provinciale de l'Entraide Nationale - ${nameFr}`],
  );
  await client.query('INSERT INTO organisation.delegation_provinces (province_id, delegation_id, region_id) VALUES ($1, $2, $3)', [provinceId, rows[0]!.id, regionId]);
}
