/**
 * The import target `registry-institutions`: a delegation's list of institutions with their
 * founders, one row per institution (decision 0011). Cells are parsed by the fields' schemas; this
 * file checks what needs the rows together and the database, then writes them in the job's single
 * transaction (the platform commits only when no row has an error: all rows or none).
 *
 * - Province: its code (09.001), ISO code (MA-AGD) or name in either language.
 * - Scope: the province must be the importer's (nation, its region, its delegation's provinces);
 *   row-level security checks every insert again.
 * - Commune: matched by folded name (app.fold_name) in either language within the province. An
 *   unknown commune is created only when the row names it in both languages (a reference row
 *   needs both names, as in the communes form); with one name the row is rejected.
 * - Founder: matched by receipt number within the province, else by folded name; else created
 *   (once, however many rows name it).
 * - Institution: one with the same folded name (either language) in the same commune is already in
 *   the registry: the row is rejected (never duplicated, never overwritten silently).
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import type { RowError } from '../../../../platform/jobs/server/kinds.ts';
import { defineImportTarget, type ParsedRow } from '../../../../platform/imports/target.ts';
import { payingCategories } from '../../contract/enums.ts';
import { foldLabel, isArabic, type Position } from './cells.ts';
import { institutionImportFields } from './fields.ts';

export const IMPORT_TARGET = 'registry-institutions';

export interface InstitutionRow {
  associationNameAr: string;
  associationNameFr: string;
  associationLegalForm: string;
  associationReceiptNumber: string | null;
  associationReceiptDate: string | null;
  associationRib: string | null;
  associationCommune: string | null;
  nameAr: string;
  nameFr: string;
  legalCategory: string | null;
  centreType: string | null;
  province: string;
  communeAr: string | null;
  communeFr: string | null;
  address: string | null;
  gps: Position | null;
  area: 'urban' | 'rural';
  mode: string;
  sexServed: string;
  capacityBoys: number;
  capacityGirls: number;
  feeMode: string;
  services: string[];
  director: string | null;
  phone: string | null;
}

interface Province {
  id: string;
  regionId: string;
  delegationId: string | null;
  nameAr: string;
  nameFr: string;
}

/** A commune the row names: an existing one, or one the import will create. */
type CommuneRef = { id: string } | { create: { provinceId: string; nameAr: string; nameFr: string; kind: string; key: string } };
/** A founder: an existing one, or one the import will create (keyed so that it is made once). */
type AssociationRef = { id: string } | { create: string };

/** What check() decided for a valid row, used by insert() (same job, same transaction). */
interface Plan {
  province: Province;
  commune: CommuneRef;
  associationCommune: CommuneRef;
  association: AssociationRef;
}

interface JobState {
  provinces: Map<string, Province>;
  /** Per province: folded commune name (either language) → commune id. */
  communes: Map<string, Map<string, string>>;
  /** New communes planned in this file: `${province}|${folded name}` (either language) → the commune to create. */
  plannedCommunes: Map<string, CommuneRef>;
  /** Founders found or planned, by `${province}|r:${receipt}` and `${province}|n:${folded name}`. */
  associations: Map<string, AssociationRef>;
  /** Institutions of the file: `${commune}|${folded name}` → first row. */
  seen: Map<string, number>;
  plans: Map<number, Plan>;
  /** Registry records read once per commune or province (a file names few of them). */
  institutionsOf: Map<string, Promise<Map<string, { nameAr: string; nameFr: string }>>>;
  foundersOf: Map<string, Promise<Map<string, string>>>;
  /** Ids of what insert() created, by creation key. */
  created: Map<string, string>;
}

const states = new WeakMap<Tx, Promise<JobState>>();

function stateOf(tx: Tx): Promise<JobState> {
  let state = states.get(tx);
  if (!state) {
    state = readProvinces(tx).then((provinces) => ({
      provinces,
      communes: new Map(),
      plannedCommunes: new Map(),
      associations: new Map(),
      seen: new Map(),
      plans: new Map(),
      institutionsOf: new Map(),
      foundersOf: new Map(),
      created: new Map(),
    }));
    states.set(tx, state);
  }
  return state;
}

/** The 75 provinces by code, ISO code and folded names (read once per job). */
async function readProvinces(tx: Tx): Promise<Map<string, Province>> {
  const rows = await tx
    .selectFrom('territory.provinces as p')
    .leftJoin('organisation.delegation_provinces as dp', 'dp.province_id', 'p.id')
    .select(['p.id', 'p.code', 'p.iso_code', 'p.name_ar', 'p.name_fr', 'p.region_id', 'dp.delegation_id'])
    .execute();
  const map = new Map<string, Province>();
  for (const r of rows) {
    const province = { id: r.id, regionId: r.region_id, delegationId: r.delegation_id, nameAr: r.name_ar, nameFr: r.name_fr };
    for (const name of [r.code, r.iso_code, r.name_ar, r.name_fr]) if (name) map.set(foldLabel(name), province);
  }
  return map;
}

function insideScope(importer: CurrentUser, province: Province): boolean {
  switch (importer.scope.level) {
    case 'nation':
      return true;
    case 'region':
      return province.regionId === importer.scope.regionId;
    case 'delegation':
      return province.delegationId !== null && province.delegationId === importer.scope.delegationId;
    default:
      return false;
  }
}

/** Folds names exactly as the database does (the unique indexes use app.fold_name). */
async function foldAll(tx: Tx, names: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(names)];
  if (distinct.length === 0) return new Map();
  const rows = await sql<{ name: string; folded: string }>`SELECT name, app.fold_name(name) AS folded FROM unnest(${distinct}::text[]) AS name`.execute(tx);
  return new Map(rows.rows.map((r) => [r.name, r.folded]));
}

async function communesOf(tx: Tx, state: JobState, provinceId: string): Promise<Map<string, string>> {
  let found = state.communes.get(provinceId);
  if (!found) {
    const rows = await tx.selectFrom('territory.communes').select(['id', 'name_key_ar', 'name_key_fr']).where('province_id', '=', provinceId).execute();
    found = new Map();
    for (const r of rows) {
      if (r.name_key_ar) found.set(r.name_key_ar, r.id);
      if (r.name_key_fr) found.set(r.name_key_fr, r.id);
    }
    state.communes.set(provinceId, found);
  }
  return found;
}

const communeKey = (ref: CommuneRef): string => ('id' in ref ? ref.id : ref.create.key);

/** The institutions of a commune by folded name ('ar:…', 'fr:…'), read once per job. */
function institutionsOf(tx: Tx, state: JobState, communeId: string) {
  let found = state.institutionsOf.get(communeId);
  if (!found) {
    found = tx
      .selectFrom('registry.institutions')
      .select(['name_ar', 'name_fr', 'name_key_ar', 'name_key_fr'])
      .where('commune_id', '=', communeId)
      .execute()
      .then((rows) => {
        const map = new Map<string, { nameAr: string; nameFr: string }>();
        for (const r of rows) {
          const names = { nameAr: r.name_ar, nameFr: r.name_fr };
          map.set(`ar:${r.name_key_ar}`, names);
          map.set(`fr:${r.name_key_fr}`, names);
        }
        return map;
      });
    state.institutionsOf.set(communeId, found);
  }
  return found;
}

/** The founders seated in a province, by receipt number ('r:…') and folded name ('n:…'), read once per job. */
function foundersOf(tx: Tx, state: JobState, provinceId: string) {
  let found = state.foundersOf.get(provinceId);
  if (!found) {
    found = sql<{ id: string; receipt_number: string | null; key_ar: string; key_fr: string }>`
      SELECT id, receipt_number, app.fold_name(name_ar) AS key_ar, app.fold_name(name_fr) AS key_fr
      FROM registry.associations WHERE province_id = ${provinceId} ORDER BY created_at, id`
      .execute(tx)
      .then(({ rows }) => {
        const map = new Map<string, string>();
        // The oldest record wins when two share a name or receipt.
        for (const r of [...rows].reverse()) {
          if (r.receipt_number) map.set(`r:${r.receipt_number}`, r.id);
          map.set(`n:${r.key_ar}`, r.id);
          map.set(`n:${r.key_fr}`, r.id);
        }
        return map;
      });
    state.foundersOf.set(provinceId, found);
  }
  return found;
}

async function checkRow(tx: Tx, importer: CurrentUser, state: JobState, row: number, v: InstitutionRow, folded: Map<string, string>): Promise<RowError[]> {
  const errors: RowError[] = [];
  const error = (field: string, key: string, value: string, params?: Record<string, unknown>) => errors.push({ row, field, key, value: value.slice(0, 200), ...(params && { params }) });

  // Rules between cells (the database enforces them too: 0051).
  if (!v.legalCategory && !v.centreType) error('legalCategory', 'registry.errors.kind_required', '');
  if (v.feeMode === 'paid' && !(payingCategories as readonly string[]).includes(v.legalCategory ?? '')) error('feeMode', 'registry.errors.paid_not_allowed', v.feeMode);
  if ((v.sexServed === 'boys' && v.capacityGirls > 0) || (v.sexServed === 'girls' && v.capacityBoys > 0)) error('sexServed', 'registry.errors.capacity_sex_mismatch', v.sexServed);
  if ((v.associationReceiptNumber === null) !== (v.associationReceiptDate === null)) {
    error(v.associationReceiptNumber ? 'associationReceiptDate' : 'associationReceiptNumber', 'registry.import.receipt_incomplete', v.associationReceiptNumber ?? '');
  }

  const province = state.provinces.get(foldLabel(v.province));
  if (!province) {
    error('province', 'registry.import.province_unknown', v.province);
    return errors;
  }
  if (!insideScope(importer, province)) {
    error('province', 'registry.import.outside_scope', v.province);
    return errors;
  }

  // The institution's commune, then the founder's (by default the same).
  const known = await communesOf(tx, state, province.id);
  const resolve = (names: (string | null)[]): CommuneRef | undefined => {
    for (const name of names) {
      const id = name ? known.get(folded.get(name)!) : undefined;
      if (id) return { id };
    }
    for (const name of names) {
      const planned = name ? state.plannedCommunes.get(`${province.id}|${folded.get(name)}`) : undefined;
      if (planned) return planned;
    }
    return undefined;
  };
  let commune = resolve([v.communeAr, v.communeFr]);
  if (!commune) {
    if (!v.communeAr && !v.communeFr) error('communeFr', 'registry.import.commune_required', '');
    else if (!v.communeAr || !v.communeFr) {
      error(v.communeFr ? 'communeFr' : 'communeAr', 'registry.import.commune_unknown', v.communeFr ?? v.communeAr ?? '', { province: importer.language === 'ar' ? province.nameAr : province.nameFr });
    } else {
      const key = `commune:${province.id}|${folded.get(v.communeFr)}`;
      commune = { create: { provinceId: province.id, nameAr: v.communeAr, nameFr: v.communeFr, kind: v.area, key } };
      state.plannedCommunes.set(`${province.id}|${folded.get(v.communeAr)}`, commune);
      state.plannedCommunes.set(`${province.id}|${folded.get(v.communeFr)}`, commune);
    }
  }
  let associationCommune = commune;
  if (v.associationCommune) {
    associationCommune = resolve([v.associationCommune]);
    if (!associationCommune) error('associationCommune', 'registry.import.commune_unknown', v.associationCommune, { province: importer.language === 'ar' ? province.nameAr : province.nameFr });
  }
  if (!commune || !associationCommune || errors.length > 0) return errors;

  // The institution must not be in the registry already, nor twice in the file.
  const nameAr = folded.get(v.nameAr)!;
  const nameFr = folded.get(v.nameFr)!;
  if ('id' in commune) {
    const inCommune = await institutionsOf(tx, state, commune.id);
    const existing = inCommune.get(`ar:${nameAr}`) ?? inCommune.get(`fr:${nameFr}`);
    if (existing) {
      error('nameFr', 'registry.import.institution_exists', v.nameFr, { name: importer.language === 'ar' ? existing.nameAr : existing.nameFr });
      return errors;
    }
  }
  for (const [field, name] of [['nameAr', nameAr], ['nameFr', nameFr]] as const) {
    const key = `${communeKey(commune)}|${field}|${name}`;
    const first = state.seen.get(key);
    if (first !== undefined) error(field, 'imports.errors.duplicate_in_file', v[field], { row: first });
  }
  if (errors.length > 0) return errors;
  state.seen.set(`${communeKey(commune)}|nameAr|${nameAr}`, row);
  state.seen.set(`${communeKey(commune)}|nameFr|${nameFr}`, row);

  // The founder: found in the registry, or made by this file (once).
  const byReceipt = v.associationReceiptNumber ? `${province.id}|r:${v.associationReceiptNumber}` : undefined;
  const byName = `${province.id}|n:${folded.get(v.associationNameFr)}`;
  const byNameAr = `${province.id}|n:${folded.get(v.associationNameAr)}`;
  let association = (byReceipt && state.associations.get(byReceipt)) || state.associations.get(byName) || state.associations.get(byNameAr);
  if (!association) {
    const founders = await foundersOf(tx, state, province.id);
    const id =
      (v.associationReceiptNumber && founders.get(`r:${v.associationReceiptNumber}`)) ||
      founders.get(`n:${folded.get(v.associationNameAr)}`) ||
      founders.get(`n:${folded.get(v.associationNameFr)}`);
    association = id ? { id } : { create: `association:${row}` };
  }
  for (const key of [byReceipt, byName, byNameAr]) if (key) state.associations.set(key, association);
  state.plans.set(row, { province, commune, associationCommune, association });
  return errors;
}

async function communeId(tx: Tx, state: JobState, ref: CommuneRef): Promise<string> {
  if ('id' in ref) return ref.id;
  const done = state.created.get(ref.create.key);
  if (done) return done;
  const created = await tx
    .insertInto('territory.communes')
    .values({ province_id: ref.create.provinceId, kind: ref.create.kind, name_ar: ref.create.nameAr, name_fr: ref.create.nameFr } as never)
    .returning(['id', 'name_key_ar', 'name_key_fr'])
    .executeTakeFirstOrThrow();
  state.created.set(ref.create.key, created.id);
  // Later batches of the file find it like any other commune.
  const known = state.communes.get(ref.create.provinceId);
  if (known && created.name_key_ar && created.name_key_fr) {
    known.set(created.name_key_ar, created.id);
    known.set(created.name_key_fr, created.id);
  }
  return created.id;
}

async function associationId(tx: Tx, state: JobState, ref: AssociationRef, v: InstitutionRow, seat: string): Promise<string> {
  if ('id' in ref) return ref.id;
  const done = state.created.get(ref.create);
  if (done) return done;
  const created = await tx
    .insertInto('registry.associations')
    .values({
      legal_form: v.associationLegalForm,
      name_ar: v.associationNameAr,
      name_fr: v.associationNameFr,
      receipt_number: v.associationReceiptNumber,
      receipt_date: v.associationReceiptDate,
      rib: v.associationRib,
      commune_id: seat,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  state.created.set(ref.create, created.id);
  return created.id;
}

async function insertRow(tx: Tx, state: JobState, row: ParsedRow): Promise<void> {
  const v = row.values as unknown as InstitutionRow;
  const plan = state.plans.get(row.row)!;
  const commune = await communeId(tx, state, plan.commune);
  const seat = await communeId(tx, state, plan.associationCommune);
  const association = await associationId(tx, state, plan.association, v, seat);
  const text = (value: string | null, arabic: boolean) => (value && isArabic(value) === arabic ? value : null);
  const institution = await tx
    .insertInto('registry.institutions')
    .values({
      association_id: association,
      name_ar: v.nameAr,
      name_fr: v.nameFr,
      legal_category: v.legalCategory,
      centre_type: v.centreType,
      commune_id: commune,
      address_ar: text(v.address, true),
      address_fr: text(v.address, false),
      latitude: v.gps ? String(v.gps.latitude) : null,
      longitude: v.gps ? String(v.gps.longitude) : null,
      area: v.area,
      mode: v.mode,
      sex_served: v.sexServed,
      capacity_male: v.capacityBoys,
      capacity_female: v.capacityGirls,
      fee_mode: v.feeMode,
      director_name_ar: text(v.director, true),
      director_name_fr: text(v.director, false),
      phone: v.phone,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.services.length > 0) {
    // Spreadsheets list the services only: each is taken as permanent and full until the institution's page says otherwise.
    await tx
      .insertInto('registry.institution_services')
      .values(v.services.map((service) => ({ institution_id: institution.id, service, permanence: 'permanent', extent: 'full' })) as never)
      .execute();
  }
}

defineImportTarget({
  name: IMPORT_TARGET,
  permission: 'registry.import',
  // No column is unique by itself (two communes may each have a "Dar Taliba"): check() finds the
  // duplicates of the file by name within the commune, so the platform's one-column check is not used.
  uniqueKey: 'rowKey',
  fields: institutionImportFields,

  async check(tx, importer, rows) {
    const state = await stateOf(tx);
    const names: string[] = [];
    for (const { values } of rows) {
      const v = values as unknown as InstitutionRow;
      for (const name of [v.nameAr, v.nameFr, v.communeAr, v.communeFr, v.associationCommune, v.associationNameAr, v.associationNameFr]) if (name) names.push(name);
    }
    const folded = await foldAll(tx, names);
    const errors: RowError[] = [];
    for (const row of rows) errors.push(...(await checkRow(tx, importer, state, row.row, row.values as unknown as InstitutionRow, folded)));
    return errors;
  },

  async insert(tx, _importer, rows) {
    const state = await stateOf(tx);
    for (const row of rows) await insertRow(tx, state, row);
  },
});
