/** Record history through the API: one record and its rows, by the reader's scope, with names. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, startTestServer, type TestServer } from '../../../server/testing/harness.ts';
import { createInstitution } from '../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Runs statements in one owner transaction in which the given account is the acting user. */
const actingAs = (userId: string, statements: string) =>
  server.owner(`BEGIN; SELECT set_config('app.user_id', '${userId}', true); ${statements}; COMMIT;`);

interface Entry {
  tableName: string;
  action: string;
  actor: { username: string } | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

describe('record history', () => {
  it('shows an institution, its rooms and who changed them, newest first', async () => {
    const inst = await createInstitution(server, { province: '09.001', nameFr: 'Dar Talib Avant' });
    const editor = await createUser(server, { role: 'provincial_delegate', scope: '09.001', username: `editor${Date.now()}` });
    await actingAs(editor.id, `UPDATE registry.institutions SET name_fr = 'Dar Talib Après' WHERE id = '${inst.id}';
      INSERT INTO registry.rooms (institution_id, name, kind, sex, places) VALUES ('${inst.id}', 'Dortoir 1', 'dormitory', 'boys', 20)`);

    const reader = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const response = await reader.get(`/api/history/institution/${inst.id}`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Entry[];
    expect(items.map((e) => [e.tableName, e.action])).toEqual([
      ['registry.rooms', 'insert'],
      ['registry.institutions', 'update'],
      ['registry.institutions', 'insert'],
    ]);
    expect(items[1]).toMatchObject({ actor: { username: editor.username }, changes: [{ field: 'name_fr', before: 'Dar Talib Avant', after: 'Dar Talib Après' }] });
    expect(items[2]!.actor).toBeNull();
  });

  it('answers 404 outside the reader scope and for an unknown kind of record', async () => {
    const inst = await createInstitution(server, { province: '09.001' });
    const other = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await other.get(`/api/history/institution/${inst.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/history/nothing/${inst.id}`)).statusCode).toBe(404);
  });

  it("keeps an association's history to the association and its board", async () => {
    const inst = await createInstitution(server, { province: '09.273' });
    await server.owner(`INSERT INTO registry.board_members (association_id, full_name_fr, role, mandate_start, mandate_end)
      VALUES ($1, 'Ahmed Amrani', 'president', '2024-01-01', '2028-01-01')`, [inst.associationId]);
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: inst.associationId } });
    const items = (await officer.get(`/api/history/association/${inst.associationId}`)).json().items as Entry[];
    expect(items.map((e) => e.tableName)).toEqual(['registry.board_members', 'registry.associations']);
  });
});
