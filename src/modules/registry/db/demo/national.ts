/**
 * generateNationalRegistry(): a registry of national size for the benchmark (`npm run bench --
 * --scale national`) and for later modules' own generators, which extend it (beneficiaries,
 * staff, conventions per generated institution: use the ids it returns).
 *
 * What it writes, as the tables' owner, in a handful of multi-row statements (every row still goes
 * through the constraints, the scope-key triggers and the audit trigger):
 *  - communes: a few per province for all 75 (the province's seat plus rural and urban communes
 *    with the usual names: "Sidi Bouzid", "Aït Amar", "Oulad Ali"…, repeated across provinces);
 *  - founders spread like the institutions, mostly associations, some public bodies, a few natural
 *    persons and companies, with valid RIBs and boards (a quarter with an expired mandate);
 *  - institutions spread over the regions as the ministry's 2018 count of authorised ESPS
 *    (domain research §1.9), of every kind (student homes dominate), named as on the delegations'
 *    lists ("Dar Talib Sidi Bouzid", "دار الطالب سيدي بوزيد"), placed inside their province's
 *    boundary, with rooms, services and committees consistent with their capacity and category.
 *
 * Licensing: the institutions' status and licence are written directly (most authorised, some
 * pending, a few suspended, withdrawn or closed) so that lists can filter on them; no licensing
 * steps are generated (the licensing part may extend the generator with its timeline).
 * Deterministic for a given seed.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { banks, ribFor } from './banks.ts';
import { demoPeople } from './data.ts';
import { capacityBySex, institutionKinds, roomsFor, type InstitutionKind, type KindKey } from './kinds.ts';
import { contains, loadProvinceShapes, randomPointIn, type ProvinceShape } from './provinces-geometry.ts';
import { seededRandom, type Random } from './random.ts';

export interface NationalRegistryOptions {
  institutions: number;
  associations: number;
  /** Communes per province (the seat included); 6 unless told. */
  communesPerProvince?: number;
  seed?: number;
}

export interface GeneratedInstitution {
  id: string;
  associationId: string;
  communeId: string;
  provinceCode: string;
  regionCode: string;
  kind: KindKey;
  capacityMale: number;
  capacityFemale: number;
}

export interface NationalRegistry {
  communeIds: string[];
  associationIds: string[];
  institutions: GeneratedInstitution[];
}

/** Authorised social protection establishments per region (minister's count, c. 2018, domain research §1.9). */
export const institutionsPerRegion: Record<string, number> = {
  '07': 167, '03': 159, '09': 132, '08': 112, '06': 109, '01': 107, '05': 94, '04': 92, '02': 62, '10': 47, '11': 9, '12': 2,
};

const communePrefixes: [string, string][] = [
  ['Sidi', 'سيدي'], ['Aït', 'آيت'], ['Oulad', 'أولاد'], ['Aïn', 'عين'], ['Had', 'حد'], ['Tnine', 'اثنين'],
  ['Sebt', 'سبت'], ['Khemis', 'خميس'], ['Arbaa', 'أربعاء'], ['Bni', 'بني'], ['Souk', 'سوق'], ['Jemaat', 'جمعة'],
];
const communeNames: [string, string][] = [
  ['Bouzid', 'بوزيد'], ['Youssef', 'يوسف'], ['Ali', 'علي'], ['Hmad', 'حماد'], ['Brahim', 'ابراهيم'], ['Moussa', 'موسى'],
  ['Amar', 'عمار'], ['Yahya', 'يحيى'], ['Bouabid', 'بوعبيد'], ['Saïd', 'سعيد'], ['Lahcen', 'لحسن'], ['Abdallah', 'عبد الله'],
  ['Rahal', 'رحال'], ['Smaïl', 'إسماعيل'], ['Mimoun', 'ميمون'], ['Boubker', 'بوبكر'],
];
const associationWords: [string, string][] = [
  ['Al Amal', 'الأمل'], ['Annour', 'النور'], ['Al Khair', 'الخير'], ['Attadamoun', 'التضامن'], ['Al Wafae', 'الوفاء'],
  ['Al Ihsane', 'الإحسان'], ['Al Fath', 'الفتح'], ['Assalam', 'السلام'], ['Annahda', 'النهضة'], ['Al Hanane', 'الحنان'],
];
const neighbourhoods: [string, string][] = [
  ['Hay Salam', 'حي السلام'], ['Hay Al Qods', 'حي القدس'], ['Hay Mohammadi', 'الحي المحمدي'], ['Hay Nahda', 'حي النهضة'],
  ['Hay Al Massira', 'حي المسيرة'], ['Hay Al Amal', 'حي الأمل'], ['Hay Riad', 'حي الرياض'], ['Hay Al Wahda', 'حي الوحدة'],
];
const statuses: [status: string, share: number][] = [
  ['authorised', 0.78], ['pending', 0.12], ['refused', 0.02], ['suspended', 0.03], ['withdrawn_temporarily', 0.01],
  ['withdrawn_permanently', 0.01], ['closing', 0.01], ['closed', 0.02],
];

interface Province {
  id: string;
  code: string;
  isoCode: string;
  regionCode: string;
  nameFr: string;
  nameAr: string;
}

interface Commune {
  id: string;
  nameFr: string;
  nameAr: string;
  kind: 'urban' | 'rural';
  lat: number;
  lon: number;
  /** Existed before (demo data): generated names there always carry a neighbourhood. */
  existed: boolean;
}

/** Splits a total in proportion to weights (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const missing = total - parts.reduce((s, p) => s + p, 0);
  for (let k = 0; k < missing; k++) parts[order[k % order.length]![1]]!++;
  return parts;
}

function pickWeighted<T>(random: Random, items: [T, number][]): T {
  const sum = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * sum;
  for (const [item, weight] of items) {
    r -= weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

export async function generateNationalRegistry(client: pg.ClientBase, options: NationalRegistryOptions): Promise<NationalRegistry> {
  const random = seededRandom(options.seed ?? 2015);
  const year = new Date().getUTCFullYear();
  const shapes = await loadProvinceShapes();
  const { rows: provinces } = await client.query<Province>(
    `SELECT p.id, p.code, p.iso_code AS "isoCode", r.code AS "regionCode", p.name_fr AS "nameFr", p.name_ar AS "nameAr"
     FROM territory.provinces p JOIN territory.regions r ON r.id = p.region_id ORDER BY p.code`);
  if (provinces.length === 0) throw new Error('national registry: the territory is not loaded');

  // Institutions per region as in the national count, then per province of the region.
  const regionCodes = [...new Set(provinces.map((p) => p.regionCode))];
  const perRegion = apportion(options.institutions, regionCodes.map((code) => institutionsPerRegion[code] ?? 1));
  const perProvince = new Map<string, number>();
  for (const [r, regionCode] of regionCodes.entries()) {
    const inRegion = provinces.filter((p) => p.regionCode === regionCode);
    const parts = apportion(perRegion[r]!, inRegion.map(() => 0.6 + random.next()));
    inRegion.forEach((p, k) => perProvince.set(p.code, parts[k]!));
  }
  const foundersPerProvince = apportion(options.associations, provinces.map((p) => Math.max(perProvince.get(p.code)!, 0.5)));

  const communesByProvince = await insertCommunes(client, provinces, shapes, options.communesPerProvince ?? 6, random);

  const founderRows: FounderRow[] = [];
  const institutionRows: InstitutionRow[] = [];
  for (const [index, province] of provinces.entries()) {
    const communes = communesByProvince.get(province.code)!;
    const shape = shapes.get(province.isoCode)!;
    const founders = Array.from({ length: foundersPerProvince[index]! }, (_, k) => founderRow(province, communes, founderRows.length + k, random));
    founderRows.push(...founders);
    const taken = new Set<string>();
    for (let k = 0; k < perProvince.get(province.code)!; k++) {
      // Every founder runs at least one institution, then the others go to founders at random.
      const founder = founders.length === 0 ? founderRows[random.int(0, founderRows.length - 1)]! : founders[k < founders.length ? k : random.int(0, founders.length - 1)]!;
      institutionRows.push(institutionRow(province, communes, shape, founder, taken, random));
    }
  }

  await insertFounders(client, founderRows, year, random);
  await insertInstitutions(client, institutionRows, year);
  await client.query('ANALYZE territory.communes, registry.associations, registry.board_members, registry.institutions, registry.rooms, registry.institution_services, registry.committee_members');
  return {
    communeIds: [...communesByProvince.values()].flat().map((c) => c.id),
    associationIds: founderRows.map((f) => f.id),
    institutions: institutionRows.map((i) => ({
      id: i.id, associationId: i.associationId, communeId: i.communeId, provinceCode: i.provinceCode, regionCode: i.regionCode,
      kind: i.kindKey, capacityMale: i.male, capacityFemale: i.female,
    })),
  };
}

async function insertCommunes(client: pg.ClientBase, provinces: Province[], shapes: Map<string, ProvinceShape>, perProvince: number, random: Random) {
  const rows: { provinceId: string; code: string; kind: 'urban' | 'rural'; nameFr: string; nameAr: string; lat: number; lon: number }[] = [];
  for (const p of provinces) {
    const shape = shapes.get(p.isoCode);
    if (!shape) throw new Error(`national registry: no boundary for ${p.isoCode} in morocco-map`);
    // The seat is named after the province ("Tiznit"; "Tanger-Assilah" for a prefecture).
    const names = new Set<string>([p.nameFr]);
    rows.push({ provinceId: p.id, code: p.code, kind: 'urban', nameFr: p.nameFr, nameAr: p.nameAr, ...randomPointIn(shape, random) });
    while (names.size < perProvince) {
      const [pf, pa] = random.pick(communePrefixes);
      const [nf, na] = random.pick(communeNames);
      if (names.has(`${pf} ${nf}`)) continue;
      names.add(`${pf} ${nf}`);
      rows.push({ provinceId: p.id, code: p.code, kind: random.chance(0.25) ? 'urban' : 'rural', nameFr: `${pf} ${nf}`, nameAr: `${pa} ${na}`, ...randomPointIn(shape, random) });
    }
  }
  const { rows: inserted } = await client.query<{ id: string; province_id: string; name_fr: string; kind: 'urban' | 'rural'; existed: boolean }>(
    `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS w(province_id, kind, name_ar, name_fr)),
     added AS (
       INSERT INTO territory.communes (province_id, kind, name_ar, name_fr) SELECT province_id, kind, name_ar, name_fr FROM wanted
       ON CONFLICT DO NOTHING RETURNING id, province_id, name_key_fr)
     SELECT coalesce(a.id, c.id) AS id, w.province_id, w.name_fr, coalesce(c.kind, w.kind) AS kind, a.id IS NULL AS existed
     FROM wanted w LEFT JOIN added a ON a.province_id = w.province_id AND a.name_key_fr = app.fold_name(w.name_fr)
       LEFT JOIN territory.communes c ON a.id IS NULL AND c.province_id = w.province_id AND c.name_key_fr = app.fold_name(w.name_fr)`,
    [rows.map((r) => r.provinceId), rows.map((r) => r.kind), rows.map((r) => r.nameAr), rows.map((r) => r.nameFr)],
  );
  const byProvince = new Map<string, Commune[]>();
  for (const r of rows) {
    const row = inserted.find((i) => i.province_id === r.provinceId && i.name_fr === r.nameFr);
    // A commune already there under another spelling (same folded name in Arabic only) is left out.
    if (!row?.id) continue;
    const list = byProvince.get(r.code) ?? [];
    list.push({ id: row.id, nameFr: r.nameFr, nameAr: r.nameAr, kind: row.kind, lat: r.lat, lon: r.lon, existed: row.existed });
    byProvince.set(r.code, list);
  }
  return byProvince;
}

interface FounderRow {
  id: string;
  legalForm: 'association' | 'natural_person' | 'public_body' | 'private_company';
  nameFr: string;
  nameAr: string;
  communeId: string;
  publicUtility: boolean;
}

function founderRow(province: Province, communes: Commune[], index: number, random: Random): FounderRow {
  const commune = random.pick(communes);
  const legalForm = pickWeighted<FounderRow['legalForm']>(random, [['association', 93], ['public_body', 4], ['natural_person', 2], ['private_company', 1]]);
  let nameFr: string;
  let nameAr: string;
  if (legalForm === 'public_body') [nameFr, nameAr] = [`Commune de ${commune.nameFr}`, `جماعة ${commune.nameAr}`];
  else if (legalForm === 'natural_person') [nameFr, nameAr] = demoPeople[index % demoPeople.length]!;
  else if (legalForm === 'private_company') [nameFr, nameAr] = [`Résidence ${commune.nameFr} SARL`, `شركة إقامة ${commune.nameAr}`];
  else {
    const pattern = random.int(0, 3);
    const [wf, wa] = random.pick(associationWords);
    [nameFr, nameAr] = pattern === 0 ? [`Association Dar Talib ${commune.nameFr}`, `جمعية دار الطالب ${commune.nameAr}`]
      : pattern === 1 ? [`Association musulmane de bienfaisance de ${commune.nameFr}`, `الجمعية الخيرية الإسلامية ${commune.nameAr}`]
        : pattern === 2 ? [`Association ${wf} pour le développement social ${commune.nameFr}`, `جمعية ${wa} للتنمية الاجتماعية ${commune.nameAr}`]
          : [`Association ${wf} ${province.nameFr}`, `جمعية ${wa} ${province.nameAr}`];
  }
  return { id: randomUUID(), legalForm, nameFr, nameAr, communeId: commune.id, publicUtility: legalForm !== 'natural_person' && random.chance(0.05) };
}

interface InstitutionRow {
  id: string;
  associationId: string;
  communeId: string;
  provinceCode: string;
  regionCode: string;
  kindKey: KindKey;
  kind: InstitutionKind;
  nameFr: string;
  nameAr: string;
  area: 'urban' | 'rural';
  lat: number;
  lon: number;
  male: number;
  female: number;
  paid: boolean;
  status: string;
  director: [string, string] | null;
  endorsed: boolean;
}

const kindWeights = Object.entries(institutionKinds).map(([key, kind]) => [key as KindKey, kind.weight] as [KindKey, number]);

function institutionRow(province: Province, communes: Commune[], shape: ProvinceShape, founder: FounderRow, taken: Set<string>,
  random: Random): InstitutionRow {
  // Most institutions stand in the province's seat and the larger communes.
  const commune = random.chance(0.35) ? communes[0]! : random.pick(communes);
  const kindKey = pickWeighted(random, kindWeights);
  const kind: InstitutionKind = institutionKinds[kindKey];
  // A second "Dar Talib Sidi Bouzid" in the same commune takes its neighbourhood's name. In a commune that had
  // institutions before (demo data), every generated name carries one, so that none clashes with theirs.
  let nameFr = '';
  let nameAr = '';
  for (let n = commune.existed ? 0 : -1; nameFr === '' || taken.has(`${commune.id}|${nameFr}`); n++) {
    const [hf, ha] = n < 0 ? ['', ''] : neighbourhoods[n % neighbourhoods.length]!;
    const round = n >= neighbourhoods.length ? ` ${Math.floor(n / neighbourhoods.length) + 1}` : '';
    nameFr = `${kind.nameFr} ${commune.nameFr}${n < 0 ? '' : ` - ${hf}${round}`}`;
    nameAr = `${kind.nameAr} ${commune.nameAr}${n < 0 ? '' : ` - ${ha}${round}`}`;
  }
  taken.add(`${commune.id}|${nameFr}`);
  let lat = commune.lat + (random.next() - 0.5) * 0.03;
  let lon = commune.lon + (random.next() - 0.5) * 0.03;
  if (!contains(shape, lat, lon)) [lat, lon] = [commune.lat, commune.lon];
  const total = Math.round(random.int(kind.capacity[0], kind.capacity[1]) / 5) * 5;
  const { male, female } = capacityBySex(kind.sex, total);
  const director = random.chance(0.8) ? random.pick(demoPeople) : null;
  return {
    id: randomUUID(), associationId: founder.id, communeId: commune.id, provinceCode: province.code, regionCode: province.regionCode,
    kindKey, kind, nameFr, nameAr, area: commune.kind, lat, lon, male, female,
    paid: (kind.legalCategory === 'elderly' || kind.legalCategory === 'disability') && random.chance(0.3),
    status: pickWeighted(random, statuses), director, endorsed: director !== null && random.chance(0.75),
  };
}

/**
 * Inserts rows column by column through unnest(), a few statements whatever the count. A column
 * whose type is itself an array (text[]) travels as its text form and is cast back.
 */
async function insertColumns(client: pg.ClientBase, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  const chunk = 5_000;
  const names = columns.map(([n]) => n).join(', ');
  const select = columns.map(([n, t]) => (t.endsWith('[]') ? `${n}::${t}` : n)).join(', ');
  const arrays = columns.map(([, t], c) => `$${c + 1}::${t.endsWith('[]') ? 'text' : t}[]`).join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await client.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${arrays}) AS u(${names})`, columns.map((_, c) => part.map((r) => r[c])));
  }
}

async function insertFounders(client: pg.ClientBase, founders: FounderRow[], year: number, random: Random): Promise<void> {
  await insertColumns(client, 'registry.associations',
    [['id', 'uuid'], ['legal_form', 'text'], ['name_ar', 'text'], ['name_fr', 'text'], ['receipt_number', 'text'], ['receipt_date', 'date'],
      ['board_renewal_date', 'date'], ['public_utility', 'boolean'], ['rib', 'text'], ['bank_name', 'text'], ['commune_id', 'uuid'], ['phone', 'text']],
    founders.map((f, i) => {
      const [bankCode, bankName] = f.legalForm === 'public_body' ? ['310', 'Trésorerie Générale du Royaume'] : random.pick(banks);
      const receiptYear = 1990 + (i % 33);
      const receipt = f.legalForm === 'association' ? [`${100 + (i % 900)}/${receiptYear}`, `${receiptYear}-0${1 + (i % 9)}-1${i % 10}`]
        : f.legalForm === 'private_company' ? [`RC ${30_000 + i}`, `${receiptYear}-05-20`] : [null, null];
      return [f.id, f.legalForm, f.nameAr, f.nameFr, receipt[0], receipt[1], f.legalForm === 'association' ? boardEnd(i, year) : null,
        f.publicUtility, ribFor(random, bankCode), bankName, f.communeId, `+2125${String(20_000_000 + i * 13).padStart(8, '0')}`];
    }));
  const board: unknown[][] = [];
  const roles = ['president', 'vice_president', 'secretary_general', 'treasurer', 'member'];
  founders.forEach((f, i) => {
    if (f.legalForm !== 'association') return;
    const end = boardEnd(i, year);
    const start = `${Number(end.slice(0, 4)) - 4}${end.slice(4)}`;
    roles.forEach((role, k) => {
      const [fr, ar] = demoPeople[(i * 5 + k) % demoPeople.length]!;
      board.push([f.id, ar, fr, role, `${String.fromCharCode(65 + (i % 26))}${100_000 + ((i * 5 + k) % 900_000)}`, start, end]);
    });
  });
  await insertColumns(client, 'registry.board_members',
    [['association_id', 'uuid'], ['full_name_ar', 'text'], ['full_name_fr', 'text'], ['role', 'text'], ['cnie', 'text'], ['mandate_start', 'date'], ['mandate_end', 'date']],
    board);
}

/** A four-year mandate; one association in four is past its renewal date. */
const boardEnd = (i: number, year: number) => `${i % 4 === 3 ? year - 1 - (i % 3) : year + 1 + (i % 3)}-06-30`;

async function insertInstitutions(client: pg.ClientBase, rows: InstitutionRow[], year: number): Promise<void> {
  await insertColumns(client, 'registry.institutions',
    [['id', 'uuid'], ['association_id', 'uuid'], ['name_ar', 'text'], ['name_fr', 'text'], ['legal_category', 'text'], ['centre_type', 'text'],
      ['commune_id', 'uuid'], ['latitude', 'numeric'], ['longitude', 'numeric'], ['area', 'text'], ['mode', 'text'], ['sex_served', 'text'],
      ['capacity_male', 'int'], ['capacity_female', 'int'], ['target_groups', 'text[]'], ['fee_mode', 'text'],
      ['director_name_ar', 'text'], ['director_name_fr', 'text'], ['director_appointed_on', 'date'], ['director_endorsed_on', 'date'],
      ['opened_on', 'date'], ['status', 'text'], ['licence_number', 'text'], ['licence_date', 'date']],
    rows.map((r, i) => {
      const licensed = r.status !== 'pending' && r.status !== 'refused';
      const licenceYear = year - 1 - (i % 9);
      return [r.id, r.associationId, r.nameAr, r.nameFr, r.kind.legalCategory, r.kind.centreType, r.communeId, r.lat.toFixed(6), r.lon.toFixed(6),
        r.area, r.kind.mode, r.kind.sex, r.male, r.female, `{${r.kind.targetGroups.join(',')}}`, r.paid ? 'paid' : 'free',
        r.director?.[1] ?? null, r.director?.[0] ?? null, r.director ? `${licenceYear}-09-01` : null, r.endorsed ? `${licenceYear}-10-15` : null,
        `${licenceYear - 1}-09-15`, r.status, licensed ? `${r.regionCode}/${licenceYear}/${String(i + 1).padStart(5, '0')}` : null,
        licensed ? `${licenceYear}-07-0${1 + (i % 9)}` : null];
    }));
  const rooms: unknown[][] = [];
  const services: unknown[][] = [];
  const committee: unknown[][] = [];
  rows.forEach((r, i) => {
    for (const room of roomsFor(r.kind, r.male, r.female)) rooms.push([r.id, room.name, room.kind, room.sex, room.areaM2, room.places]);
    for (const [service, permanence, extent] of r.kind.services) services.push([r.id, service, permanence, extent]);
    if (!r.kind.legalCategory) return;
    const seats = ['founder_chair', 'commune_representative', 'staff_representative', 'beneficiary_representative'];
    seats.forEach((seat, k) => committee.push([r.id, seat, demoPeople[(i + k * 7) % demoPeople.length]![1], `${year - 2}-10-01`]));
  });
  await insertColumns(client, 'registry.rooms',
    [['institution_id', 'uuid'], ['name', 'text'], ['kind', 'text'], ['sex', 'text'], ['area_m2', 'numeric'], ['places', 'int']], rooms);
  await insertColumns(client, 'registry.institution_services',
    [['institution_id', 'uuid'], ['service', 'text'], ['permanence', 'text'], ['extent', 'text']], services);
  await insertColumns(client, 'registry.committee_members',
    [['institution_id', 'uuid'], ['seat', 'text'], ['full_name', 'text'], ['since', 'date']], committee);
}
