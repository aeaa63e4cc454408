/**
 * publishNationalDirectory(): publishes a generated national registry in the public directory,
 * for the benchmark of the public site (`npm run bench -- --only directory`, issue 7) at the scale
 * the issue sets (5,000 institutions). Every given institution gets a published row, as a
 * delegation would leave it: the usual public fields (address, phone, opening hours, capacity,
 * position, licence), an e-mail for some, and place availability for about two in five, so that
 * the search pages carry what real pages will.
 *
 * Written as the table's owner in one statement (each row still goes through the constraints, the
 * scope-key trigger and the audit trigger). Deterministic for a given seed and list of ids.
 * Institutions that already have a publication row (the demo's) are left as they are.
 */
import type pg from 'pg';
import { seededRandom, type Random } from '../../../registry/db/demo/random.ts';

export interface PublishNationalOptions {
  seed?: number;
  /** Share of institutions that publish their place availability (0.4 unless told). */
  availabilityShare?: number;
}

const BASE_FIELDS = ['address', 'phone', 'hours', 'capacity', 'position', 'licence'];

/** Opening hours as delegations write them: residential homes never close, day centres keep office hours. */
const dayHours: [ar: string, fr: string][] = [
  ['من الاثنين إلى الجمعة، 8:30–16:30', 'Du lundi au vendredi, 8 h 30 – 16 h 30'],
  ['من الاثنين إلى السبت، 9:00–17:00', 'Du lundi au samedi, 9 h – 17 h'],
  ['من الاثنين إلى الجمعة، 8:00–12:00 و14:00–18:00', 'Du lundi au vendredi, 8 h – 12 h et 14 h – 18 h'],
];
const residentialHours: [ar: string, fr: string] = ['مفتوح كل أيام الأسبوع، 24/24', 'Ouvert tous les jours, 24 h/24'];

interface Target {
  id: string;
  mode: 'residential' | 'day';
  capacity: number;
}

function publicationRow(target: Target, random: Random, availabilityShare: number, now: number): unknown[] {
  const [hoursAr, hoursFr] = target.mode === 'residential' ? residentialHours : random.pick(dayHours);
  const fields = [...BASE_FIELDS];
  if (random.chance(0.3)) fields.push('email');
  let availability: string | null = null;
  let places: number | null = null;
  let availabilityAt: string | null = null;
  if (random.chance(availabilityShare)) {
    fields.push('availability');
    availability = random.pick(['available', 'available', 'limited', 'full']);
    places = availability === 'full' ? 0 : availability === 'limited' ? random.int(1, 3) : random.int(4, Math.max(4, Math.round(target.capacity / 4)));
    availabilityAt = new Date(now - random.int(0, 30 * 24) * 3_600_000).toISOString();
  }
  const publishedAt = new Date(now - random.int(1, 365) * 86_400_000).toISOString();
  return [target.id, `{${fields.join(',')}}`, hoursAr, hoursFr, availability, places, availabilityAt, publishedAt];
}

/** Publishes the given institutions; returns how many rows were written. */
export async function publishNationalDirectory(client: pg.ClientBase, institutionIds: string[], options: PublishNationalOptions = {}): Promise<number> {
  const random = seededRandom(options.seed ?? 2026);
  const { rows: targets } = await client.query<Target>(
    `SELECT i.id, i.mode, i.capacity_total AS capacity FROM registry.institutions i
     WHERE i.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM directory.publications p WHERE p.institution_id = i.id)
     ORDER BY array_position($1::uuid[], i.id)`,
    [institutionIds],
  );
  const now = Date.now();
  const rows = targets.map((t) => publicationRow(t, random, options.availabilityShare ?? 0.4, now));
  const column = (k: number) => rows.map((r) => r[k]);
  const { rowCount } = await client.query(
    `INSERT INTO directory.publications (institution_id, published, public_fields, opening_hours_ar, opening_hours_fr,
       availability, places_available, availability_updated_at, published_at)
     SELECT id, true, fields::text[], hours_ar, hours_fr, availability, places, availability_at, published_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[], $8::timestamptz[])
       AS u(id, fields, hours_ar, hours_fr, availability, places, availability_at, published_at)`,
    [0, 1, 2, 3, 4, 5, 6, 7].map(column),
  );
  await client.query('ANALYZE directory.publications');
  return rowCount ?? 0;
}
