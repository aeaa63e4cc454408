/** Keyset cursors carry the last row's name: long Arabic names must page like short ones. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { createCommune, createInstitution } from '../../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('pages through institutions whose Arabic names are as long as allowed', async () => {
  const commune = await createCommune(server, { province: '09.551' });
  const long = 'مؤسسة الرعاية الاجتماعية للأشخاص المسنين والأشخاص في وضعية إعاقة '.repeat(4).slice(0, 240);
  for (const n of [1, 2, 3]) await createInstitution(server, { communeId: commune.id, nameAr: `${long} ${n}`, nameFr: `Institution ${n}` });
  const reader = await signedIn(server, { role: 'provincial_delegate', scope: '09.551' });
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const url = `/api/institutions?sort=-name&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const response = await reader.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as { items: { nameFr: string }[]; nextCursor: string | null };
    seen.push(...page.items.map((i) => i.nameFr));
    after = page.nextCursor;
  } while (after);
  expect(seen).toHaveLength(3);
  expect(new Set(seen).size).toBe(3);
});
