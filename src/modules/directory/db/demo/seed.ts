/**
 * The demo's public directory: the operating demo institutions (pending, authorised, closing) are
 * published, with opening hours in both languages suited to their kind, a mix of public fields,
 * and place availability on some; every seventh is deliberately left unpublished so that the
 * staff page shows both. Runs as the owner after the registry, licensing and beneficiaries demos;
 * the choice is a deterministic query (operating institutions ordered by name), so it follows the
 * demo registry as it grows. Idempotent: an institution with settings already is left alone.
 */
import type pg from 'pg';
import { publicFields, type Availability, type PublicField } from '../../contract.ts';

/** Opening hours by kind of house: student homes open all week, homes for the elderly have visiting hours. */
const hoursByKind: Record<'student' | 'elderly' | 'office', [ar: string, fr: string]> = {
  student: ['الاستقبال كل أيام الأسبوع من 8:00 إلى 18:00؛ الزيارات العائلية يوم الأحد', 'Accueil tous les jours de 8 h à 18 h ; visites des familles le dimanche'],
  elderly: ['الزيارات كل يوم من 10:00 إلى 12:00 ومن 15:00 إلى 18:00', 'Visites tous les jours de 10 h à 12 h et de 15 h à 18 h'],
  office: ['من الاثنين إلى الجمعة، من 8:30 إلى 16:30', 'Du lundi au vendredi, de 8 h 30 à 16 h 30'],
};

/** Four ways delegations choose what to show, in turn. */
const fieldChoices: readonly (readonly PublicField[])[] = [
  publicFields,
  ['address', 'phone', 'hours', 'capacity', 'position', 'licence'],
  ['address', 'phone', 'hours', 'availability', 'position'],
  ['address', 'hours', 'position'],
];

interface Row {
  id: string;
  legal_category: string | null;
  centre_type: string | null;
  capacity: number;
}

const kindOf = (r: Row): keyof typeof hoursByKind =>
  r.legal_category === 'schooled_children' || r.centre_type === 'student_home' ? 'student' : r.legal_category === 'elderly' ? 'elderly' : 'office';

/** Some houses say whether they have room: available, few places, or full, in turn. */
function availabilityOf(index: number, capacity: number): { availability: Availability | null; places: number | null } {
  switch (index % 4) {
    case 0:
      return { availability: 'available', places: Math.min(capacity, 3 + (index % 9)) };
    case 1:
      return { availability: 'limited', places: Math.min(capacity, 1 + (index % 2)) };
    case 2:
      return { availability: 'full', places: 0 };
    default:
      return { availability: null, places: null };
  }
}

export interface DemoDirectoryCounts {
  published: number;
  unpublished: number;
}

export async function seedDemoDirectory(client: pg.ClientBase): Promise<DemoDirectoryCounts> {
  const { rows } = await client.query<Row>(
    `SELECT i.id, i.legal_category, i.centre_type, coalesce(i.capacity_total, i.capacity_male + i.capacity_female) AS capacity
     FROM registry.institutions i
     WHERE directory.is_operating(i.status) AND NOT EXISTS (SELECT 1 FROM directory.publications p WHERE p.institution_id = i.id)
     ORDER BY i.name_fr, i.id`,
  );
  const counts: DemoDirectoryCounts = { published: 0, unpublished: 0 };
  for (const [index, row] of rows.entries()) {
    const published = index % 7 !== 3;
    const [hoursAr, hoursFr] = hoursByKind[kindOf(row)];
    const { availability, places } = availabilityOf(index, Number(row.capacity));
    await client.query(
      `INSERT INTO directory.publications (institution_id, published, public_fields, opening_hours_ar, opening_hours_fr,
         availability, places_available, availability_updated_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6::text IS NOT NULL THEN now() - make_interval(days => $8) END,
         CASE WHEN $2 THEN now() - make_interval(days => $9) END)
       ON CONFLICT (institution_id) DO NOTHING`,
      [row.id, published, fieldChoices[index % fieldChoices.length], hoursAr, hoursFr, availability, places, index % 6, 20 + index * 3],
    );
    if (published) counts.published++;
    else counts.unpublished++;
  }
  return counts;
}
