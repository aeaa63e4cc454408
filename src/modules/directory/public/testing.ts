/**
 * Test helpers of the public directory: an institution made with the registry's factories, given
 * public details, services and a position, and published (as the tables' owner, as a delegation
 * would through the staff screens).
 */
import type { TestServer } from '../../../server/testing/harness.ts';
import { createInstitution, type InstitutionSpec } from '../../registry/testing/factories.ts';

export interface PublishedSpec extends InstitutionSpec {
  services?: string[];
  targetGroups?: string[];
  status?: string;
  published?: boolean;
  publicFields?: string[];
  position?: { lat: number; lon: number };
  availability?: 'available' | 'limited' | 'full';
}

export const ALL_FIELDS = ['address', 'phone', 'email', 'hours', 'capacity', 'availability', 'position', 'licence'];

export async function publishedInstitution(server: TestServer, spec: PublishedSpec = {}): Promise<{ id: string; communeId: string }> {
  const made = await createInstitution(server, spec);
  const position = spec.position ?? { lat: 30.42, lon: -9.6 };
  await server.owner(
    `UPDATE registry.institutions SET address_ar = 'شارع الحسن الثاني', address_fr = 'Avenue Hassan II', phone = '+212528000000',
       email = 'contact@example.ma', latitude = $2, longitude = $3, licence_number = 'AUT-' || substr(md5($1::text), 1, 8), licence_date = '2020-05-04',
       target_groups = $4, status = $5
     WHERE id = $1`,
    [made.id, position.lat, position.lon, spec.targetGroups ?? ['schooled_children'], spec.status ?? 'authorised'],
  );
  for (const service of spec.services ?? ['accommodation', 'feeding']) {
    await server.owner(`INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, $2, 'permanent', 'full')`, [made.id, service]);
  }
  await server.owner(
    `INSERT INTO directory.publications (institution_id, published, published_at, public_fields, opening_hours_ar, opening_hours_fr,
       availability, places_available, availability_updated_at)
     VALUES ($1, $2, now(), $3, 'من 8 إلى 18', 'De 8 h à 18 h', $4, $5, now())`,
    [made.id, spec.published ?? true, spec.publicFields ?? ALL_FIELDS, spec.availability ?? 'available', spec.availability ? 3 : 5],
  );
  return made;
}
