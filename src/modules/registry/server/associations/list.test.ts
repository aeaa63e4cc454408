/** The associations list: name search in both scripts, filters, keyset paging and scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createAssociation, createCommune, createInstitution } from '../../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Item = { id: string; nameAr: string; nameFr: string; institutionCount: number };
const ids = (body: { items: Item[] }) => body.items.map((i) => i.id);

describe('GET /api/associations', () => {
  it('finds an association by its Arabic or French name, whatever the hamza, accents or case', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    const { id } = await createAssociation(server, { communeId: commune.id, nameAr: 'جمعية الأمل للتنمية', nameFr: 'Association Espérance Développement' });
    const other = await createAssociation(server, { communeId: commune.id });
    const user = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    for (const q of ['الامل', 'الأمل', 'esperance', 'ESPÉRANCE', 'développ']) {
      const res = await user.get(`/api/associations?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(ids(res.json()), q).toContain(id);
      expect(ids(res.json()), q).not.toContain(other.id);
    }
  });

  it('pages by name with a cursor, in both directions, without gaps or repeats', async () => {
    const commune = await createCommune(server, { province: '09.273' });
    const made = [];
    for (let n = 0; n < 5; n++) made.push((await createAssociation(server, { communeId: commune.id, nameFr: `Pagination ${n} ${commune.id.slice(0, 6)}` })).id);
    const user = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    for (const sort of ['name', '-name']) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const res = await user.get(`/api/associations?q=Pagination&sort=${sort}&limit=2${after ? `&after=${after}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: Item[]; nextCursor: string | null };
        seen.push(...ids(body));
        after = body.nextCursor;
        pages++;
      } while (after && pages < 10);
      expect(seen).toEqual(sort === 'name' ? made : [...made].reverse());
    }
    const bad = await user.get('/api/associations?after=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('filters by place, legal form and board expiry, and counts the institutions', async () => {
    const commune = await createCommune(server, { province: '09.001' });
    const person = await createAssociation(server, { communeId: commune.id, legalForm: 'natural_person' });
    await createInstitution(server, { associationId: person.id, communeId: commune.id });
    await server.owner(`UPDATE registry.associations SET board_renewal_date = '2020-01-01', public_utility = true WHERE id = $1`, [person.id]);
    const user = await signedIn(server, { role: 'central_analyst' });
    const province = await idOf(server, 'territory.provinces', '09.001');
    const res = await user.get(`/api/associations?province=${province}&legalForm=natural_person&boardExpired=true&publicUtility=true&limit=200`);
    expect(res.statusCode).toBe(200);
    const found = (res.json() as { items: Item[] }).items.find((i) => i.id === person.id);
    expect(found?.institutionCount).toBe(1);
    const notExpired = await user.get(`/api/associations?province=${province}&boardExpired=false&limit=200`);
    expect(ids(notExpired.json())).not.toContain(person.id);
    const otherProvince = await user.get(`/api/associations?province=${await idOf(server, 'territory.provinces', '09.273')}&limit=200`);
    expect(ids(otherProvince.json())).not.toContain(person.id);
  });

  it('shows a delegation its own associations and the founders of its institutions, not the others', async () => {
    const own = await createAssociation(server, { province: '09.001' });
    const elsewhere = await createAssociation(server, { province: '03.131' });
    const founderElsewhere = await createAssociation(server, { province: '03.131' });
    await createInstitution(server, { associationId: founderElsewhere.id, province: '09.001' });
    const user = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const res = await user.get('/api/associations?limit=200');
    const seen = ids(res.json());
    expect(seen).toContain(own.id);
    expect(seen).toContain(founderElsewhere.id);
    expect(seen).not.toContain(elsewhere.id);
  });
});
