/**
 * The rules of a publication write. The institution must be in the caller's scope (else 404, as
 * row-level security hides it); it may be published only while it operates, since the public site
 * would not show it otherwise (409 says why rather than saving a setting without effect). The
 * audit trigger on directory.publications records every change.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../server/errors.ts';
import { isOperating, type AvailabilityBody, type Publication, type PublicationBody } from '../contract.ts';
import { findPublication } from './queries.ts';

/**
 * The institution as the caller sees it (404 out of scope). Not locked: a status that changes right
 * after the check only hides the page again, since the public listing checks the status itself.
 */
async function institutionInScope(tx: Tx, id: string): Promise<{ status: string; capacity: number }> {
  const { rows } = await sql<{ status: string; capacity: number }>`
    SELECT status, capacity_total AS capacity
    FROM registry.institutions WHERE id = ${id}::uuid`.execute(tx);
  if (!rows[0]) throw notFound();
  return rows[0];
}

async function reread(tx: Tx, id: string): Promise<Publication> {
  return (await findPublication(tx, id)) ?? Promise.reject(notFound());
}

export async function savePublication(tx: Tx, id: string, body: PublicationBody): Promise<Publication> {
  const { status } = await institutionInScope(tx, id);
  if (body.published && !isOperating(status)) throw new AppError(409, 'directory.errors.not_operating');
  // Left-out fields keep their value (NULL parameters with a "given" flag tell apart "clear" and "keep").
  const fields = body.publicFields ?? null;
  const hoursAr = body.openingHoursAr === undefined ? { given: false, value: null } : { given: true, value: body.openingHoursAr };
  const hoursFr = body.openingHoursFr === undefined ? { given: false, value: null } : { given: true, value: body.openingHoursFr };
  await sql`
    INSERT INTO directory.publications AS pub (institution_id, published, public_fields, opening_hours_ar, opening_hours_fr, published_at)
    VALUES (${id}::uuid, ${body.published}, coalesce(${fields}::text[], ARRAY['address', 'phone', 'hours', 'capacity', 'position', 'licence']),
      ${hoursAr.value}, ${hoursFr.value}, CASE WHEN ${body.published} THEN now() END)
    ON CONFLICT (institution_id) DO UPDATE SET
      published = EXCLUDED.published,
      public_fields = coalesce(${fields}::text[], pub.public_fields),
      opening_hours_ar = CASE WHEN ${hoursAr.given} THEN EXCLUDED.opening_hours_ar ELSE pub.opening_hours_ar END,
      opening_hours_fr = CASE WHEN ${hoursFr.given} THEN EXCLUDED.opening_hours_fr ELSE pub.opening_hours_fr END,
      -- The date it was (last) put online; kept when it goes offline, renewed when it comes back.
      published_at = CASE WHEN EXCLUDED.published AND NOT pub.published THEN now() ELSE pub.published_at END`.execute(tx);
  return reread(tx, id);
}

export async function saveAvailability(tx: Tx, id: string, body: AvailabilityBody): Promise<Publication> {
  const { capacity } = await institutionInScope(tx, id);
  const places = body.placesAvailable ?? null;
  if (places !== null && places > capacity) throw invalidFields({ path: 'placesAvailable', key: 'directory.validation.places_over_capacity', params: { capacity } });
  await sql`
    INSERT INTO directory.publications AS pub (institution_id, availability, places_available, availability_updated_at)
    VALUES (${id}::uuid, ${body.availability}, ${places}::int, now())
    ON CONFLICT (institution_id) DO UPDATE SET
      availability = EXCLUDED.availability, places_available = EXCLUDED.places_available, availability_updated_at = now()`.execute(tx);
  return reread(tx, id);
}
