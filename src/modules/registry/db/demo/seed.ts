/**
 * seedDemoRegistry(): the demo registry (data.ts) written as the tables' owner, after the demo
 * accounts. Idempotent row by row: a commune, founder or institution that exists already (same
 * name in the same place) is left as it is and its details are not added twice. Licensing is not
 * written here: the licensing part's demo runs afterwards and moves some institutions through
 * their steps; every institution starts as the database's default ("pending").
 */
import type pg from 'pg';
import { banks, ribFor } from './banks.ts';
import { demoCommunes, type DemoCommune } from './communes.ts';
import { demoFounders, demoInstitutions, demoPeople, demoRegistryAccounts, type DemoFounder, type DemoInstitution } from './data.ts';
import { capacityBySex, institutionKinds, roomsFor, type InstitutionKind } from './kinds.ts';
import { seededRandom, type Random } from './random.ts';

interface Place extends DemoCommune {
  id: string;
}

const neighbourhoods: [fr: string, ar: string][] = [
  ['Hay Al Massira', 'حي المسيرة'], ['Hay Mohammadi', 'الحي المحمدي'], ['Hay Salam', 'حي السلام'],
  ['Hay Al Qods', 'حي القدس'], ['Hay Nahda', 'حي النهضة'], ['Hay Al Amal', 'حي الأمل'],
];

export interface DemoRegistryCounts {
  communes: number;
  founders: number;
  institutions: number;
  accounts: number;
}

export async function seedDemoRegistry(client: pg.ClientBase): Promise<DemoRegistryCounts> {
  const random = seededRandom(6515);
  const today = new Date();
  const year = today.getUTCFullYear();
  const counts: DemoRegistryCounts = { communes: 0, founders: 0, institutions: 0, accounts: 0 };

  const places = new Map<string, Place>();
  for (const commune of demoCommunes) {
    const inserted = await client.query(
      `INSERT INTO territory.communes (province_id, kind, name_ar, name_fr)
       SELECT id, $2, $3, $4 FROM territory.provinces WHERE code = $1 ON CONFLICT DO NOTHING`,
      [commune.province, commune.kind, commune.nameAr, commune.nameFr],
    );
    counts.communes += inserted.rowCount ?? 0;
    const { rows: [row] } = await client.query<{ id: string }>(
      `SELECT c.id FROM territory.communes c JOIN territory.provinces p ON p.id = c.province_id
       WHERE p.code = $1 AND c.name_key_fr = app.fold_name($2)`,
      [commune.province, commune.nameFr],
    );
    if (!row) throw new Error(`demo registry: commune ${commune.nameFr} (${commune.province}) missing`);
    places.set(commune.nameFr, { ...commune, id: row.id });
  }
  const place = (name: string) => {
    const found = places.get(name);
    if (!found) throw new Error(`demo registry: no demo commune ${name}`);
    return found;
  };

  const founders = new Map<string, { id: string; president: [string, string] }>();
  for (const [index, founder] of demoFounders.entries()) {
    const seat = place(founder.commune);
    const president = demoPeople[index % demoPeople.length]!;
    const { rows: [existing] } = await client.query<{ id: string }>(
      'SELECT id FROM registry.associations WHERE commune_id = $1 AND name_fr = $2',
      [seat.id, founder.nameFr],
    );
    if (existing) {
      founders.set(founder.key, { id: existing.id, president });
      continue;
    }
    const id = await insertFounder(client, founder, seat, index, random);
    founders.set(founder.key, { id, president });
    counts.founders++;
    if (founder.legalForm === 'association') await insertBoard(client, id, index, year, random);
  }

  const institutionIds = new Map<string, string>();
  for (const [index, spec] of demoInstitutions.entries()) {
    const founder = founders.get(spec.founder);
    if (!founder) throw new Error(`demo registry: no founder ${spec.founder}`);
    const result = await insertInstitution(client, spec, place(spec.commune), founder.id, index, random, year);
    institutionIds.set(`${spec.kind}/${spec.commune}`, result.id);
    if (!result.inserted) continue;
    counts.institutions++;
    await insertDetails(client, result.id, institutionKinds[spec.kind], result.male, result.female, founder.president, index, year);
  }

  counts.accounts = await insertAccounts(client, founders, institutionIds);
  return counts;
}

async function insertFounder(client: pg.ClientBase, founder: DemoFounder, seat: Place, index: number, random: Random): Promise<string> {
  const [bankCode, bankName] = founder.legalForm === 'public_body' ? ['310', 'Trésorerie Générale du Royaume'] : banks[index % banks.length]!;
  // A declaration receipt for an association, a trade register number for a company, none for the others.
  const receipt = founder.legalForm === 'association' ? [`${120 + index * 7}/${2000 + (index % 20)}`, `${2000 + (index % 20)}-0${1 + (index % 9)}-15`]
    : founder.legalForm === 'private_company' ? [`RC ${41_000 + index}`, `${2010 + (index % 10)}-06-01`] : [null, null];
  const { rows: [row] } = await client.query<{ id: string }>(
    `INSERT INTO registry.associations (legal_form, name_ar, name_fr, receipt_number, receipt_date, public_utility, rib, bank_name,
       address, commune_id, phone, email)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [founder.legalForm, founder.nameAr, founder.nameFr, receipt[0], receipt[1], founder.publicUtility ?? false,
      ribFor(random, bankCode), bankName, `${neighbourhoods[index % neighbourhoods.length]![0]}, ${seat.nameFr}`, seat.id,
      `+2125${String(28_000_000 + index * 1_731).padStart(8, '0')}`,
      founder.legalForm === 'natural_person' ? null : `contact${index + 1}@${founder.key}.ma`],
  );
  return row!.id;
}

/**
 * President, vice-president, secretary general, treasurer and an adviser, for a four-year mandate.
 * One association in four has let its mandate run out (its board renewal is overdue).
 */
async function insertBoard(client: pg.ClientBase, associationId: string, index: number, year: number, random: Random): Promise<void> {
  const expired = index % 4 === 3;
  const start = expired ? year - 5 : year - 1 - (index % 3);
  const mandateStart = `${start}-0${1 + (index % 9)}-10`;
  const mandateEnd = `${start + 4}-0${1 + (index % 9)}-09`;
  const roles = ['president', 'vice_president', 'secretary_general', 'treasurer', 'adviser'] as const;
  for (const [k, role] of roles.entries()) {
    const [fr, ar] = demoPeople[(index + k * 5) % demoPeople.length]!;
    await client.query(
      `INSERT INTO registry.board_members (association_id, full_name_ar, full_name_fr, role, cnie, phone, mandate_start, mandate_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [associationId, ar, fr, role, `J${String(random.int(100_000, 999_999))}`, `+2126${String(random.int(10_000_000, 99_999_999))}`, mandateStart, mandateEnd],
    );
  }
  await client.query('UPDATE registry.associations SET board_renewal_date = $2 WHERE id = $1', [associationId, mandateEnd]);
}

async function insertInstitution(client: pg.ClientBase, spec: DemoInstitution, seat: Place, founderId: string, index: number, random: Random, year: number) {
  const kind: InstitutionKind = institutionKinds[spec.kind];
  const nameFr = spec.nameFr ? `${spec.nameFr}` : `${kind.nameFr} ${seat.nameFr}`;
  const nameAr = spec.nameAr ? `${spec.nameAr}` : `${kind.nameAr} ${seat.nameAr}`;
  const total = Math.round(random.int(kind.capacity[0], kind.capacity[1]) / 5) * 5;
  const { male, female } = capacityBySex(kind.sex, total);
  // The post of director is vacant in one institution in six; one appointed director in three waits for the ministry's endorsement.
  const director = index % 6 === 5 ? null : demoPeople[(index * 7 + 3) % demoPeople.length]!;
  const appointed = director ? `${year - 1 - (index % 8)}-09-01` : null;
  const endorsed = director && index % 3 !== 1 ? `${year - 1 - (index % 8)}-11-15` : null;
  const [streetFr, streetAr] = seat.kind === 'rural' ? ['Centre de la commune', 'مركز الجماعة'] : neighbourhoods[index % neighbourhoods.length]!;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO registry.institutions (association_id, name_ar, name_fr, legal_category, centre_type, commune_id, address_ar, address_fr,
       latitude, longitude, area, mode, sex_served, capacity_male, capacity_female, target_groups, fee_mode,
       director_name_ar, director_name_fr, director_appointed_on, director_endorsed_on, phone, email, opened_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
     ON CONFLICT DO NOTHING RETURNING id`,
    [founderId, nameAr, nameFr, kind.legalCategory, kind.centreType, seat.id, `${streetAr}، ${seat.nameAr}`, `${streetFr}, ${seat.nameFr}`,
      (seat.lat + (random.next() - 0.5) * 0.02).toFixed(6), (seat.lon + (random.next() - 0.5) * 0.02).toFixed(6),
      seat.kind, kind.mode, kind.sex, male, female, kind.targetGroups, spec.paid ? 'paid' : 'free',
      director?.[1] ?? null, director?.[0] ?? null, appointed, endorsed,
      `+2125${String(28_500_000 + index * 977).padStart(8, '0')}`, null, `${year - 3 - (index % 15)}-09-15`],
  );
  if (rows[0]) return { id: rows[0].id, inserted: true, male, female };
  const { rows: [existing] } = await client.query<{ id: string }>(
    'SELECT id FROM registry.institutions WHERE commune_id = $1 AND name_key_fr = app.fold_name($2)', [seat.id, nameFr]);
  return { id: existing!.id, inserted: false, male, female };
}

/** Rooms (places adding up to the licensed capacity), services of the kind, and for a social protection establishment its committee (art. 25). */
async function insertDetails(client: pg.ClientBase, institutionId: string, kind: InstitutionKind, male: number, female: number,
  founderChair: [string, string], index: number, year: number): Promise<void> {
  for (const room of roomsFor(kind, male, female)) {
    await client.query('INSERT INTO registry.rooms (institution_id, name, kind, sex, area_m2, places) VALUES ($1, $2, $3, $4, $5, $6)',
      [institutionId, room.name, room.kind, room.sex, room.areaM2, room.places]);
  }
  for (const [service, permanence, extent] of kind.services) {
    await client.query('INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, $2, $3, $4)',
      [institutionId, service, permanence, extent]);
  }
  if (!kind.legalCategory) return;
  const seats: string[] = ['founder_chair', 'commune_representative', 'staff_representative',
    kind.targetGroups.includes('schooled_children') || kind.targetGroups.includes('children') ? 'family_representative' : 'beneficiary_representative'];
  if (kind.legalCategory === 'elderly' || kind.legalCategory === 'disability') seats.push('physician');
  for (const [k, seat] of seats.entries()) {
    const name = seat === 'founder_chair' ? founderChair[1] : demoPeople[(index * 3 + k * 11) % demoPeople.length]![1];
    // Some committees have a member who left: a closed seat period next to the current one.
    const until = k === 2 && index % 5 === 0 ? `${year - 1}-06-30` : null;
    await client.query('INSERT INTO registry.committee_members (institution_id, seat, full_name, since, until) VALUES ($1, $2, $3, $4, $5)',
      [institutionId, seat, name, `${year - 3}-10-01`, until]);
  }
}

/** The registry's demo accounts, with the demo password (the hash of the `agadir` account, seeded just before). */
async function insertAccounts(client: pg.ClientBase, founders: Map<string, { id: string }>, institutions: Map<string, string>): Promise<number> {
  let created = 0;
  for (const account of demoRegistryAccounts) {
    const associationId = 'founder' in account ? founders.get(account.founder)!.id : null;
    const institutionId = 'institution' in account ? institutions.get(`${account.institution.kind}/${account.institution.commune}`)! : null;
    const result = await client.query(
      `INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, language, role, scope_level, association_id, institution_id)
       SELECT $1, password_hash, $2, $3, $4, $5, $6, $7, $8 FROM access.users WHERE username = 'agadir'
       ON CONFLICT (username) DO NOTHING`,
      [account.username, account.fullNameAr, account.fullNameFr, account.language, account.role,
        associationId ? 'association' : 'institution', associationId, institutionId],
    );
    created += result.rowCount ?? 0;
  }
  return created;
}
