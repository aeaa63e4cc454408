/**
 * The persons API against the real database: search in either script (and by identifier), keyset
 * paging, scope (a sibling delegation sees nothing: 404), creation through the duplicate gate,
 * bad input refused in both languages with nothing written, the record's read logged, relatives
 * and households.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs } from '../../../../server/testing/sql-as.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createPerson } from '../../testing/factories.ts';

let server: TestServer;
let agadir: Session & { id: string };
let inezgane: Session & { id: string };
let agadirFr: Session & { id: string };
let analyst: Session & { id: string };
beforeAll(async () => {
  server = await startTestServer();
  agadir = await signedIn(server, { role: 'social_worker', scope: '09.001' });
  agadirFr = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  inezgane = await signedIn(server, { role: 'social_worker', scope: '09.273' });
  analyst = await signedIn(server, { role: 'central_analyst', scope: 'nation' });
});
afterAll(() => server.close());

const tag = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 6).padEnd(6, 'x');
type Item = { id: string; firstNameLat: string | null; lastNameAr: string | null };

describe('GET /api/persons', () => {
  it('finds a person by a part of its name in Arabic or in Latin letters, folded (hamza, accents, case)', async () => {
    const t = tag();
    const p = await createPerson(server, { firstNameAr: 'أحمد', lastNameAr: `الإدريسي${t}`, firstNameLat: 'Ahmed', lastNameLat: `Idrissi${t}`, sex: 'male' });
    await createPerson(server, { firstNameAr: 'سعاد', lastNameAr: `العلوي${t}`, firstNameLat: 'Souad', lastNameLat: `Alaoui${t}` });
    for (const q of [`احمد الادريسي${t}`, `ahmed idrissi${t}`, `ÂHMÉD`, `idrissi${t}`, `دريسي${t}`, `أحمد ${t}`, `ال ${t}`, `ah ${t}`]) {
      const res = await agadir.get(`/api/persons?q=${encodeURIComponent(q)}&limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      const ids = (res.json() as { items: Item[] }).items.map((i) => i.id);
      expect(ids, q).toContain(p.id);
    }
    const other = await agadir.get(`/api/persons?q=${encodeURIComponent(`ahmed alaoui${t}`)}`);
    expect((other.json() as { items: Item[] }).items).toHaveLength(0);
  });

  it('finds by CNIE, IDCS and phone typed locally', async () => {
    const n = Math.floor(Math.random() * 900000 + 100000);
    const p = await createPerson(server, { cnie: `JB${n}`, idcs: `1${String(n).padStart(9, '0')}`, phone: `+2126${String(n).padStart(8, '0')}` });
    for (const q of [`jb ${n}`, `1${String(n).padStart(9, '0')}`, `06${String(n).padStart(8, '0')}`]) {
      const res = await agadir.get(`/api/persons?q=${encodeURIComponent(q)}`);
      expect((res.json() as { items: Item[] }).items.map((i) => i.id), q).toEqual([p.id]);
    }
  });

  it('pages with a keyset cursor in name order, without repeats', async () => {
    const t = tag();
    const made = await Promise.all(['Amina', 'Badr', 'Chama', 'Driss', 'Elhoussine'].map((first) => createPerson(server, { firstNameLat: first, lastNameLat: `Page${t}`, lastNameAr: `صفحة${t}` })));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await agadirFr.get(`/api/persons?q=page${t}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.firstNameLat!));
      after = body.nextCursor;
      pages += 1;
    } while (after && pages < 10);
    expect(seen).toEqual(['Amina', 'Badr', 'Chama', 'Driss', 'Elhoussine']);
    expect(pages).toBe(3);
    expect(made).toHaveLength(5);
    const bad = await agadirFr.get('/api/persons?after=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('shows a sibling delegation nothing, and refuses roles without personal data', async () => {
    const t = tag();
    const p = await createPerson(server, { delegation: '09.001', lastNameLat: `Scope${t}` });
    const res = await inezgane.get(`/api/persons?q=scope${t}`);
    expect((res.json() as { items: Item[] }).items).toHaveLength(0);
    expect((await inezgane.get(`/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await inezgane.patch(`/api/persons/${p.id}`, { phone: '0612345678' })).statusCode).toBe(404);
    expect((await inezgane.get(`/api/persons/${p.id}/relatives`)).statusCode).toBe(404);
    expect((await analyst.get('/api/persons')).statusCode).toBe(403);
  });
});

describe('beneficiaries.person_name_candidates (the search\'s index door, 0106, 0142)', () => {
  it('answers ids of live persons held in the caller\'s own scope only, none to other scopes or without a user', async () => {
    const t = tag();
    const agadirPerson = await createPerson(server, { delegation: '09.001', lastNameAr: `الكاندي${t}`, lastNameLat: `Candi${t}` });
    const inezganePerson = await createPerson(server, { delegation: '09.273', lastNameAr: `الكاندي${t}`, lastNameLat: `Candi${t}` });
    const [far] = await server.owner<{ code: string }>(
      "SELECT d.code FROM organisation.delegations d JOIN territory.regions r ON r.id = d.region_id WHERE r.code <> '09' ORDER BY d.code LIMIT 1");
    const elsewhere = await createPerson(server, { delegation: far!.code, lastNameLat: `Candi${t}` });
    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const institution = await createInstitution(server, { province: '09.001' });
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: institution.id } });
    const sql = await sqlAs(server);
    try {
      const ids = async (userId: string, words: string[]) =>
        (await sql.query<{ id: string }>(userId, 'SELECT beneficiaries.person_name_candidates($1::text[]) AS id', [words])).map((r) => r.id).sort();
      expect(await ids(agadir.id, [`candi${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(agadir.id, [`الكاندي${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(inezgane.id, [`Candi${t}`])).toEqual([inezganePerson.id]);
      expect(await ids(region.id, [`candi${t}`])).toEqual([agadirPerson.id, inezganePerson.id].sort());
      expect(await ids(analyst.id, [`candi${t}`])).toEqual([agadirPerson.id, inezganePerson.id, elsewhere.id].sort());
      expect(await ids(director.id, [`candi${t}`])).toEqual([]);
      expect(await ids(agadir.id, [`candi${t}`, 'nomatch'])).toEqual([]);
      // A word inside a name, in either script, folded as the names are (hamza, case, accents).
      expect(await ids(agadir.id, [`ANDÏ${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(agadir.id, [`لكاندي${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(agadir.id, [`إلكاندي${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(agadir.id, [`لكانده${t}`])).toEqual([]);
      // A word without three letters in a row narrows nothing: the whole scope is a candidate.
      expect(await ids(agadir.id, ['ab', `candi${t}`])).toEqual([agadirPerson.id]);
      expect(await ids(agadir.id, ['ab'])).toContain(agadirPerson.id);
      expect(await ids(agadir.id, ['ab'])).not.toContain(inezganePerson.id);
      // No signed-in user (no request context): nothing.
      expect((await server.owner<{ n: number }>('SELECT count(*)::int AS n FROM beneficiaries.person_name_candidates($1::text[])', [[`candi${t}`]]))[0]!.n).toBe(0);
    } finally {
      await sql.end();
    }
  });
  it('answers the list\'s page itself for words alone: the same rows in order whether read in name order or from the name\'s keys', async () => {
    const t = tag();
    const firsts = [['Amina', 'أمينة'], ['Badr', 'بدر'], ['Chama', 'شامة'], ['Driss', 'إدريس'], ['Farid', 'فريد'], ['Ghita', 'غيثة']];
    for (const [lat, ar] of firsts) await createPerson(server, { delegation: '09.001', firstNameLat: lat, lastNameLat: `Ou Warzaz${t}`, firstNameAr: ar, lastNameAr: `أو ورزاز${t}` });
    await createPerson(server, { delegation: '09.001', firstNameLat: 'Hind', lastNameLat: `Benwarzaz${t}`, firstNameAr: 'هند', lastNameAr: `بنورزاز${t}` });
    await createPerson(server, { delegation: '09.273', firstNameLat: 'Ilham', lastNameLat: `Ou Warzaz${t}` });
    const sql = await sqlAs(server);
    try {
      for (const words of [[`warzaz${t}`], ['ou', `warzaz${t}`], [`ورزاز${t}`], ['أو', `ورزاز${t}`], ['am', `warzaz${t}`], [`nomatch${t}`]]) {
        for (const order of ['ar', 'lat'] as const) {
          const column = order === 'ar' ? 'name_key_ar' : 'name_key_lat';
          const expected = (await server.owner<{ id: string }>(
            `SELECT p.id FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id
             WHERE d.code = '09.001' AND p.merged_into IS NULL AND (SELECT bool_and((p.name_key_ar || ' ' || p.name_key_lat) LIKE '%' || app.fold_name(w) || '%') FROM unnest($1::text[]) w)
             ORDER BY p.${column}, p.id`, [words])).map((r) => r.id);
          // Windows of 1 and 3 rows turn to the name's keys; 2,000 holds the whole test delegation.
          for (const window of [1, 3, 2000]) {
            const seen: string[] = [];
            let after: { key: string; id: string } | null = null;
            for (let page = 0; page < 10; page++) {
              const ids: string[] = (await sql.query<{ id: string }>(agadir.id, 'SELECT beneficiaries.person_name_candidates($1::text[], $2, $3, $4, 2, $5) AS id',
                [words, order, after?.key ?? null, after?.id ?? null, window])).map((r) => r.id);
              seen.push(...ids);
              if (ids.length < 2) break;
              const [last]: { key: string }[] = await server.owner<{ key: string }>(`SELECT ${column} AS key FROM beneficiaries.persons WHERE id = $1`, [ids[1]]);
              after = { key: last!.key, id: ids[1]! };
            }
            expect(seen, `${words.join(' ')} ${order} window ${window}`).toEqual(expected);
          }
        }
      }
    } finally {
      await sql.end();
    }
    // Through the list: the words alone (a page from the function) and with a filter that keeps the
    // same rows (candidates, then the list's own conditions) page alike.
    const pages = async (query: string) => {
      const names: string[] = [];
      let after: string | null = null;
      do {
        const body = (await agadir.get(`/api/persons?${query}&limit=4${after ? `&after=${encodeURIComponent(after)}` : ''}`)).json() as { items: Item[]; nextCursor: string | null };
        names.push(...body.items.map((i) => i.firstNameLat!));
        after = body.nextCursor;
      } while (after);
      return names;
    };
    const [agadirId] = await server.owner<{ id: string }>("SELECT id FROM organisation.delegations WHERE code = '09.001'");
    const alone = await pages(`q=${encodeURIComponent(`ورزاز${t}`)}`);
    expect(alone).toHaveLength(7);
    expect(await pages(`q=${encodeURIComponent(`ورزاز${t}`)}&delegation=${agadirId!.id}`)).toEqual(alone);
  });
});

describe('POST /api/persons and the record', () => {
  it('creates in the writer\'s delegation, logs the read of the record, and updates it', async () => {
    const t = tag();
    const res = await agadir.post('/api/persons', { firstNameAr: 'مريم', lastNameAr: `بناني${t}`, firstNameLat: 'Meryem', lastNameLat: `Bennani${t}`, sex: 'female', birthDate: '2012-01-01', birthDatePrecision: 'year', phone: '0661 23 45 67' });
    expect(res.statusCode, res.body).toBe(201);
    const person = res.json() as { id: string; phone: string; delegationNameFr: string; birthDatePrecision: string };
    expect(person.phone).toBe('+212661234567');
    expect(person.birthDatePrecision).toBe('year');
    expect(person.delegationNameFr).toMatch(/Agadir/);
    const read = await agadir.get(`/api/persons/${person.id}`);
    expect(read.statusCode).toBe(200);
    const log = await server.owner<{ action: string; user_id: string }>('SELECT action, user_id FROM beneficiaries.access_log WHERE person_id = $1', [person.id]);
    expect(log.filter((l) => l.action === 'person' && l.user_id === agadir.id).length).toBeGreaterThanOrEqual(2);
    const patched = await agadir.patch(`/api/persons/${person.id}`, { familyStatus: 'single', schoolingLevel: 'primary', birthPlace: 'Agadir' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ familyStatus: 'single', schoolingLevel: 'primary', birthPlace: 'Agadir', firstNameAr: 'مريم' });
  });

  it('answers 409 with the candidates for the same IDCS elsewhere, then creates when acknowledged', async () => {
    const idcs = `2${String(Math.floor(Math.random() * 900000000 + 100000000))}`;
    const existing = await createPerson(server, { delegation: '09.273', idcs });
    const body = { firstNameLat: 'Youssef', lastNameLat: `Dup${tag()}`, sex: 'male', idcs };
    const refused = await agadir.post('/api/persons', body);
    expect(refused.statusCode, refused.body).toBe(409);
    const problem = refused.json() as { code: string; candidates: { personId: string; inScope: boolean; person: unknown }[] };
    expect(problem.code).toBe('possible_duplicates');
    // Held by Inezgane: the Agadir desk learns that it exists and where, not who it is.
    expect(problem.candidates[0]).toMatchObject({ personId: existing.id, inScope: false, person: null });
    const count = () => server.owner('SELECT 1 FROM beneficiaries.persons WHERE last_name_lat = $1', [body.lastNameLat]);
    expect(await count()).toHaveLength(0);
    // Acknowledged: the gate lets it through, and the database still refuses a second live IDCS.
    const again = await agadir.post('/api/persons', { ...body, acknowledgeDuplicates: true });
    expect(again.statusCode, again.body).toBe(409);
    expect((again.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('idcs');
    const other = await agadir.post('/api/persons', { ...body, idcs: null, acknowledgeDuplicates: true });
    expect(other.statusCode, other.body).toBe(201);
    expect(await count()).toHaveLength(1);
  });

  it('refuses bad input in the user\'s language with field errors, and writes nothing', async () => {
    const t = tag();
    const fr = await agadirFr.post('/api/persons', { sex: 'female', cnie: '12AB', phone: '12', birthDate: '2010-05-04', birthDatePrecision: 'year', lastNameLat: `Bad${t}` });
    expect(fr.statusCode).toBe(400);
    const errors = (fr.json() as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(['birthDate', 'cnie', 'phone']);
    expect(errors.find((e) => e.path === 'cnie')!.message).toMatch(/CNIE/);
    const ar = await agadir.post('/api/persons', { sex: 'female' });
    expect(ar.statusCode).toBe(400);
    expect((ar.json() as { errors: { path: string; message: string }[] }).errors[0]!.message).toMatch(/الاسم/);
    const future = await agadirFr.post('/api/persons', { sex: 'male', lastNameLat: `Future${t}`, birthDate: '2999-02-02' });
    expect(future.statusCode).toBe(400);
    expect((future.json() as { errors: { path: string }[] }).errors[0]!.path).toBe('birthDate');
    const rows = await server.owner('SELECT 1 FROM beneficiaries.persons WHERE last_name_lat IN ($1, $2)', [`Bad${t}`, `Future${t}`]);
    expect(rows).toHaveLength(0);
  });
});

describe('relatives and households', () => {
  it('adds, changes and removes the father, mother and guardian', async () => {
    const p = await createPerson(server);
    const added = await agadir.post(`/api/persons/${p.id}/relatives`, { relation: 'mother', fullNameAr: 'خديجة', cnie: 'ab12345', phone: '0612345678', profession: 'خياطة', socialSituation: 'employed' });
    expect(added.statusCode, added.body).toBe(201);
    await agadir.post(`/api/persons/${p.id}/relatives`, { relation: 'father', fullNameLat: 'Mohamed', socialSituation: 'deceased', alive: false });
    const guardian = await agadir.post(`/api/persons/${p.id}/relatives`, { relation: 'legal_guardian', fullNameLat: 'Hassan', isLegalRepresentative: true });
    const relatives = (guardian.json() as { relatives: { id: string; relation: string; cnie: string | null }[] }).relatives;
    expect(relatives.map((r) => r.relation)).toEqual(['father', 'mother', 'legal_guardian']);
    expect(relatives[1]!.cnie).toBe('AB12345');
    const motherId = relatives[1]!.id;
    const changed = await agadir.patch(`/api/persons/${p.id}/relatives/${motherId}`, { relation: 'mother', fullNameAr: 'خديجة', socialSituation: 'unemployed' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await agadir.delete(`/api/persons/${p.id}/relatives/${motherId}`)).statusCode).toBe(200);
    const list = await agadir.get(`/api/persons/${p.id}/relatives`);
    expect((list.json() as unknown[]).length).toBe(2);
    const nameless = await agadir.post(`/api/persons/${p.id}/relatives`, { relation: 'sibling' });
    expect(nameless.statusCode).toBe(400);
    expect((await inezgane.post(`/api/persons/${p.id}/relatives`, { relation: 'sibling', fullNameLat: 'X' })).statusCode).toBe(404);
    const audit = await server.owner<{ action: string; actor_id: string }>('SELECT action, actor_id FROM audit.log WHERE table_name = $1 AND record_id = $2 ORDER BY seq', ['beneficiaries.relatives', motherId]);
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'delete']);
    expect(audit.every((a) => a.actor_id === agadir.id)).toBe(true);
  });

  it('creates a household, links members, lists them; a sibling delegation gets 404', async () => {
    const created = await agadir.post('/api/households', { label: `Famille ${tag()}`, rsuRegistered: true });
    expect(created.statusCode, created.body).toBe(201);
    const household = created.json() as { id: string };
    const a = await createPerson(server);
    const b = await createPerson(server);
    for (const p of [a, b]) expect((await agadir.patch(`/api/persons/${p.id}`, { householdId: household.id })).statusCode).toBe(200);
    const read = await agadir.get(`/api/households/${household.id}`);
    expect((read.json() as { members: { id: string }[] }).members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    const person = await agadir.get(`/api/persons/${a.id}`);
    expect((person.json() as { household: { id: string } }).household.id).toBe(household.id);
    expect((await inezgane.get(`/api/households/${household.id}`)).statusCode).toBe(404);
    const listed = await agadir.get('/api/households?limit=200');
    expect((listed.json() as { items: { id: string; memberCount: number }[] }).items.find((h) => h.id === household.id)?.memberCount).toBe(2);
  });
});
