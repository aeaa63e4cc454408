/**
 * The institutions API against the real database: list filters × sort × keyset paging, name
 * search in Arabic and Latin letters, scope (delegation, association officer), bad input refused
 * in both languages with nothing written, sub-resources, committee seat limits, Excel export read
 * back, history and documents.
 */
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { multipart, samplePdf } from '../../../../platform/documents/samples.ts';
import { HEADER_ROW } from '../../../../platform/reports/xlsx.ts';
import { createAssociation, createCommune, createInstitution } from '../../testing/factories.ts';

let server: TestServer;
let admin: Session;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, { role: 'system_admin', language: 'fr' });
});
afterAll(() => server.close());

type Item = { id: string; nameAr: string; nameFr: string; capacityTotal: number; updatedAt: string };

/** Every page of a list, following nextCursor; also returns how many pages it took. */
async function allPages(s: Session, query: string, limit = 2): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const url: string = `/api/institutions?${query}&limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const response = await s.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: Item[]; nextCursor: string | null };
    items.push(...body.items);
    after = body.nextCursor;
    pages += 1;
  } while (after && pages < 50);
  return { items, pages };
}

const body = (over: Record<string, unknown> = {}) => ({
  nameAr: `دار الطالبة ${Math.random().toString(36).slice(2, 8)}`,
  nameFr: `Dar Taliba ${Math.random().toString(36).slice(2, 8)}`,
  legalCategory: 'schooled_children',
  centreType: 'student_home',
  area: 'rural',
  mode: 'residential',
  sexServed: 'girls',
  capacityMale: 0,
  capacityFemale: 60,
  ...over,
});

describe('list: filters, sort and keyset paging', () => {
  let associationId: string;
  const made: { id: string; nameFr: string; nameAr: string; cap: number; category: string; area: 'urban' | 'rural' }[] = [];
  beforeAll(async () => {
    const founder = await createAssociation(server);
    associationId = founder.id;
    const specs = [
      { nameFr: 'Centre Amal', nameAr: 'مركز الأمل', cap: 30, category: 'disability', centre: 'disability_centre', area: 'urban' as const },
      { nameFr: 'Dar Talib Bouizakarne', nameAr: 'دار الطالب بويزكارن', cap: 120, category: 'schooled_children', centre: 'student_home', area: 'rural' as const },
      { nameFr: 'Foyer Essalam', nameAr: 'مؤسسة السلام', cap: 45, category: 'elderly', centre: 'elderly_home', area: 'urban' as const },
      { nameFr: 'Maison Atfal', nameAr: 'دار الأطفال', cap: 45, category: 'child_protection', centre: 'children_home', area: 'urban' as const },
      { nameFr: 'Nadi Nissae', nameAr: 'نادي النساء', cap: 10, category: 'women_multipurpose', centre: 'women_multifunctional_space', area: 'rural' as const },
    ];
    for (const s of specs) {
      const inst = await createInstitution(server, {
        associationId, communeId: founder.communeId, nameFr: s.nameFr, nameAr: s.nameAr, legalCategory: s.category, centreType: s.centre,
        sexServed: 'mixed', capacityMale: s.cap - Math.floor(s.cap / 2), capacityFemale: Math.floor(s.cap / 2), area: s.area,
      });
      made.push({ id: inst.id, nameFr: s.nameFr, nameAr: s.nameAr, cap: s.cap, category: s.category, area: s.area });
    }
  });

  it('pages through every sort in order, each row once, with any page size', async () => {
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const expectations: Record<string, string[]> = {
      name: [...made].sort((a, b) => (a.nameFr < b.nameFr ? -1 : 1)).map((m) => m.id),
      '-name': [...made].sort((a, b) => (a.nameFr < b.nameFr ? 1 : -1)).map((m) => m.id),
      capacity: [...made].sort((a, b) => a.cap - b.cap || byId(a, b)).map((m) => m.id),
      '-capacity': [...made].sort((a, b) => b.cap - a.cap || byId(b, a)).map((m) => m.id),
    };
    for (const [sort, ids] of Object.entries(expectations)) {
      for (const limit of [1, 2, 3, 50]) {
        const { items, pages } = await allPages(admin, `association=${associationId}&sort=${sort}`, limit);
        expect(items.map((i) => i.id), `${sort} by ${limit}`).toEqual(ids);
        expect(pages).toBe(Math.ceil(ids.length / limit));
      }
    }
    // Equal capacities (45 and 45) are split by id, so a page boundary between them loses nothing.
    const updated = await allPages(admin, `association=${associationId}&sort=updated`, 2);
    expect(new Set(updated.items.map((i) => i.id)).size).toBe(made.length);
    const times = updated.items.map((i) => i.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('sorts by the Arabic name for an Arabic reader', async () => {
    const ar = await signedIn(server, { role: 'system_admin', language: 'ar' });
    const { items } = await allPages(ar, `association=${associationId}&sort=name`, 2);
    expect(items.map((i) => i.nameAr)).toEqual([...made.map((m) => m.nameAr)].sort());
  });

  it('refuses a cursor of another sort', async () => {
    const first = (await admin.get(`/api/institutions?association=${associationId}&sort=name&limit=1`)).json() as { nextCursor: string };
    const wrong = await admin.get(`/api/institutions?association=${associationId}&sort=capacity&limit=1&after=${first.nextCursor}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('after');
  });

  it('filters by category, centre type, area, capacity range, mode, sex served, status, service and place', async () => {
    const ids = async (q: string) => (await allPages(admin, `association=${associationId}&${q}`, 50)).items.map((i) => i.id).sort();
    const expect_ = (f: (m: (typeof made)[number]) => boolean) => made.filter(f).map((m) => m.id).sort();
    expect(await ids('category=elderly')).toEqual(expect_((m) => m.category === 'elderly'));
    expect(await ids('centreType=student_home')).toEqual(expect_((m) => m.category === 'schooled_children'));
    expect(await ids('area=rural')).toEqual(expect_((m) => m.area === 'rural'));
    expect(await ids('capacityMin=40&capacityMax=100')).toEqual(expect_((m) => m.cap >= 40 && m.cap <= 100));
    expect(await ids('area=urban&capacityMin=40&sort=-capacity')).toEqual(expect_((m) => m.area === 'urban' && m.cap >= 40));
    expect(await ids('mode=day')).toEqual([]);
    expect(await ids('sexServed=mixed')).toHaveLength(made.length);
    await server.owner(`UPDATE registry.institutions SET status = 'authorised', licence_number = 'AG-2024-001', licence_date = '2024-05-02' WHERE id = $1`, [made[0]!.id]);
    expect(await ids('status=authorised')).toEqual([made[0]!.id]);
    await server.owner(`INSERT INTO registry.institution_services (institution_id, service, permanence, extent) VALUES ($1, 'rehabilitation', 'permanent', 'full')`, [made[0]!.id]);
    expect(await ids('service=rehabilitation')).toEqual([made[0]!.id]);
    const province = await idOf(server, 'territory.provinces', '09.001');
    const region = await idOf(server, 'territory.regions', '09');
    const delegation = await idOf(server, 'organisation.delegations', '09.001');
    expect(await ids(`province=${province}&region=${region}&delegation=${delegation}`)).toHaveLength(made.length);
    expect(await ids(`region=${await idOf(server, 'territory.regions', '03')}`)).toEqual([]);
    // Names of the place and founder come in the same row.
    const [first] = (await admin.get(`/api/institutions?association=${associationId}&status=authorised`)).json().items;
    expect(first).toMatchObject({ licenceNumber: 'AG-2024-001', licenceDate: '2024-05-02', regionNameFr: expect.any(String), associationNameFr: expect.any(String), communeNameFr: expect.any(String) });
  });

  it('refuses unknown enum values and a bad capacity filter', async () => {
    for (const q of ['category=castle', 'status=open', 'sort=colour', 'capacityMin=-1', 'area=suburb', 'region=09']) {
      expect((await admin.get(`/api/institutions?${q}`)).statusCode, q).toBe(400);
    }
  });
});

describe('name search in Arabic or Latin letters', () => {
  let target: string;
  beforeAll(async () => {
    target = (await createInstitution(server, { nameFr: 'Dar Taliba Tiznit Centre', nameAr: 'دار الطالبة تيزنيت المركز' })).id;
    await createInstitution(server, { nameFr: 'Dar Talib Tiznit Centre', nameAr: 'دار الطالب تيزنيت المركز' });
  });
  const found = async (q: string) => (await allPages(admin, `q=${encodeURIComponent(q)}`, 50)).items.map((i) => i.id);

  it('finds "Dar Taliba" from Latin letters, any case or accent, and words in any order', async () => {
    for (const q of ['dar taliba tiznit', 'DAR TALIBA TIZNIT', 'Dâr Tâliba Tiznit', 'tiznit taliba']) {
      expect(await found(q), q).toContain(target);
    }
  });

  it('finds "دار الطالبة" from Arabic letters, with or without diacritics and ta marbuta', async () => {
    for (const q of ['دار الطالبة تيزنيت', 'دار الطالبه تيزنيت', 'دَار الطَّالِبَة تيزنيت']) {
      expect(await found(q), q).toContain(target);
    }
    expect(await found('الطالبة تيزنيت')).toContain(target);
  });

  it('does not find what does not match', async () => {
    expect(await found('taliba agadir-inexistant')).not.toContain(target);
  });

  it('is served by the trigram index, in Arabic as in Latin letters', async () => {
    const client = new pg.Client({ connectionString: server.ownerUrl });
    await client.connect();
    try {
      // Under the C locale pg_trgm sees no trigram in Arabic letters; their ASCII spelling has some.
      const [keys] = (await client.query(`SELECT show_trgm(app.fold_name('الطالبة')) raw, show_trgm(registry.trigram_key(app.fold_name('الطالبة'))) spelled`)).rows;
      expect(keys.raw).toEqual([]);
      expect(keys.spelled.length).toBeGreaterThan(3);
      await client.query('SET enable_seqscan = off');
      for (const word of ['taliba', 'الطالبة']) {
        const plan = (await client.query(`EXPLAIN SELECT id FROM registry.institutions i WHERE i.search_trgm LIKE '%' || registry.trigram_key(app.fold_name($1)) || '%'`, [word])).rows
          .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
        expect(plan, word).toContain('institutions_search_trgm_ascii_idx');
      }
    } finally {
      await client.end();
    }
  });
});

describe('scope', () => {
  it('a delegation lists only its institutions and gets 404 for the others', async () => {
    const agadir = await createInstitution(server, { province: '09.001' });
    const inezgane = await createInstitution(server, { province: '09.273' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const ids = (await allPages(delegate, 'sort=name', 200)).items.map((i) => i.id);
    expect(ids).toContain(agadir.id);
    expect(ids).not.toContain(inezgane.id);
    expect((await delegate.get(`/api/institutions/${agadir.id}`)).statusCode).toBe(200);
    expect((await delegate.get(`/api/institutions/${inezgane.id}`)).statusCode).toBe(404);
    expect((await delegate.patch(`/api/institutions/${inezgane.id}`, { nameFr: 'Pris' })).statusCode).toBe(404);
    expect((await delegate.post(`/api/institutions/${inezgane.id}/rooms`, { name: 'A', kind: 'dormitory', sex: 'boys', places: 4 })).statusCode).toBe(404);
    expect((await delegate.get(`/api/history/institution/${inezgane.id}`)).statusCode).toBe(404);
    const [row] = await server.owner<{ name_fr: string }>('SELECT name_fr FROM registry.institutions WHERE id = $1', [inezgane.id]);
    expect(row!.name_fr).not.toBe('Pris');
  });

  it('a region sees both of its delegations and no other region; a director only its institution', async () => {
    const agadir = await createInstitution(server, { province: '09.001' });
    const inezgane = await createInstitution(server, { province: '09.273' });
    const fes = await createInstitution(server, { province: '03.131' });
    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const ids = (await allPages(region, 'sort=-capacity', 200)).items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([agadir.id, inezgane.id]));
    expect(ids).not.toContain(fes.id);
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: agadir.id } });
    expect((await allPages(director, 'sort=name', 50)).items.map((i) => i.id)).toEqual([agadir.id]);
  });

  it("an association officer sees and edits only its association's institutions", async () => {
    const mine = await createInstitution(server);
    const other = await createInstitution(server);
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: mine.associationId } });
    const ids = (await allPages(officer, 'sort=name', 200)).items.map((i) => i.id);
    expect(ids).toEqual([mine.id]);
    expect((await officer.get(`/api/institutions/${other.id}`)).statusCode).toBe(404);
    const edited = await officer.patch(`/api/institutions/${mine.id}`, { addressFr: '12 rue des Orangers' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().addressFr).toBe('12 rue des Orangers');
    expect((await officer.patch(`/api/institutions/${other.id}`, { addressFr: 'x' })).statusCode).toBe(404);
    // It may not create institutions (registry.create belongs to the administration).
    expect((await officer.post('/api/institutions', body({ associationId: mine.associationId, communeId: mine.communeId }))).statusCode).toBe(403);
  });
});

describe('create and edit', () => {
  it('creates with every part of the record and reads it back', async () => {
    const founder = await createAssociation(server);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const response = await delegate.post('/api/institutions', body({
      associationId: founder.id, communeId: founder.communeId, latitude: 30.42, longitude: -9.6, addressFr: 'Hay Dakhla', targetGroups: ['schooled_children'],
      directorNameFr: 'Fatima Zahra', directorEndorsedOn: '2024-01-15', phone: '+212528000000', openedOn: '2010-09-01',
    }));
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ status: 'pending', capacityTotal: 60, latitude: '30.420000', directorEndorsedOn: '2024-01-15', associationId: founder.id, targetGroups: ['schooled_children'] });
    const read = (await delegate.get(`/api/institutions/${created.id}`)).json();
    expect(read).toMatchObject({ id: created.id, rooms: [], services: [], committee: [] });
    const patched = await delegate.patch(`/api/institutions/${created.id}`, { capacityFemale: 70, directorNameAr: 'فاطمة الزهراء' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ capacityTotal: 70, directorNameAr: 'فاطمة الزهراء' });
    // status and licence are the licensing part's: refused as unknown fields here.
    expect((await delegate.patch(`/api/institutions/${created.id}`, { status: 'authorised' })).statusCode).toBe(400);
  });

  it('keeps the history of the record and of its parts', async () => {
    const inst = await createInstitution(server);
    await admin.patch(`/api/institutions/${inst.id}`, { nameFr: 'Nom changé pour l’historique' });
    await admin.post(`/api/institutions/${inst.id}/rooms`, { name: 'Dortoir 1', kind: 'dormitory', sex: 'girls', places: 12 });
    const history = (await admin.get(`/api/history/institution/${inst.id}`)).json();
    expect(history.items[0]).toMatchObject({ tableName: 'registry.rooms', action: 'insert' });
    const rename = history.items.find((e: { tableName: string; action: string }) => e.tableName === 'registry.institutions' && e.action === 'update');
    // The name changed; its derived search columns are not reported.
    expect(rename.changes.map((c: { field: string }) => c.field)).toEqual(['name_fr']);
    expect(history.items.at(-1)).toMatchObject({ tableName: 'registry.institutions', action: 'insert' });
  });
});

describe('bad input is refused in the reader\'s language and writes nothing', () => {
  let founder: { id: string; communeId: string };
  let fr: Session;
  let ar: Session;
  beforeAll(async () => {
    founder = await createAssociation(server);
    fr = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    ar = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'ar' });
  });
  const count = async () => Number((await server.owner<{ n: string }>('SELECT count(*) n FROM registry.institutions WHERE association_id = $1', [founder.id]))[0]!.n);

  async function refused(over: Record<string, unknown>, status: number, path: string, frText: RegExp, arText: RegExp) {
    const before = await count();
    for (const [s, text] of [[fr, frText], [ar, arText]] as const) {
      const response = await s.post('/api/institutions', body({ associationId: founder.id, communeId: founder.communeId, ...over }));
      expect(response.statusCode, response.body).toBe(status);
      const error = (response.json().errors as { path: string; message: string }[]).find((e) => e.path === path);
      expect(error?.message, response.body).toMatch(text);
    }
    expect(await count()).toBe(before);
  }

  it('a GPS position outside Morocco', () => refused({ latitude: 48.85, longitude: 2.35 }, 400, 'latitude', /hors du Maroc/, /خارج المغرب/));
  it('a capacity below zero', () => refused({ capacityFemale: -5 }, 400, 'capacityFemale', /négative/, /سالبة/));
  it('paid services in a category that may not charge', () => refused({ feeMode: 'paid' }, 400, 'feeMode', /payants/, /مؤدى عنها/));
  it('places for girls in a boys-only institution', () => refused({ sexServed: 'boys', capacityMale: 20, capacityFemale: 5 }, 400, 'capacityFemale', /sexe/, /جنس/));
  it('an unknown enum value', () => refused({ legalCategory: 'castle' }, 400, 'legalCategory', /./, /./));
  it('a founder the caller cannot see', async () => {
    const elsewhere = await createAssociation(server, { province: '03.131' });
    await refused({ associationId: elsewhere.id }, 400, 'associationId', /Fondateur inconnu/, /الجهة المؤسسة/);
  });
  it('a commune outside the caller\'s scope', async () => {
    const inezgane = await createCommune(server, { province: '09.273' });
    await refused({ communeId: inezgane.id }, 400, 'communeId', /Commune inconnue/, /الجماعة/);
  });

  it('a duplicate name in the same commune (409), whatever the case and accents', async () => {
    const first = await fr.post('/api/institutions', body({ associationId: founder.id, communeId: founder.communeId, nameFr: 'Dar Al Fath', nameAr: 'دار الفتح' }));
    expect(first.statusCode, first.body).toBe(201);
    await refused({ nameFr: 'DAR AL FATH', nameAr: 'دار الفتح الجديدة' }, 409, 'nameFr', /déjà ce nom/, /بهذا الاسم|نفس الجماعة|الاسم/);
  });

  it('a rule only the database sees on a partial change (paid on a schooled-children institution)', async () => {
    const inst = await createInstitution(server, { associationId: founder.id, communeId: founder.communeId, legalCategory: 'schooled_children' });
    const response = await fr.patch(`/api/institutions/${inst.id}`, { feeMode: 'paid' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'feeMode', message: expect.stringMatching(/payants/) });
    const [row] = await server.owner<{ fee_mode: string }>('SELECT fee_mode FROM registry.institutions WHERE id = $1', [inst.id]);
    expect(row!.fee_mode).toBe('free');
  });
});

describe('rooms, services and committee', () => {
  it('adds, changes and removes rooms; refuses negative places', async () => {
    const inst = await createInstitution(server);
    const added = await admin.post(`/api/institutions/${inst.id}/rooms`, { name: 'Dortoir A', kind: 'dormitory', sex: 'girls', areaM2: '42.5', places: 16 });
    expect(added.statusCode, added.body).toBe(201);
    const room = added.json().rooms[0];
    expect(room).toMatchObject({ name: 'Dortoir A', areaM2: '42.50', places: 16 });
    expect((await admin.post(`/api/institutions/${inst.id}/rooms`, { name: 'Dortoir B', kind: 'dormitory', sex: 'girls', places: -1 })).statusCode).toBe(400);
    expect((await admin.post(`/api/institutions/${inst.id}/rooms`, { name: 'Dortoir A', kind: 'bedroom', sex: 'girls', places: 2 })).statusCode).toBe(409);
    expect((await admin.patch(`/api/institutions/${inst.id}/rooms/${room.id}`, { name: 'Dortoir A', kind: 'dormitory', sex: 'girls', places: 18 })).json().rooms[0].places).toBe(18);
    expect((await admin.delete(`/api/institutions/${inst.id}/rooms/${room.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/institutions/${inst.id}`)).json().rooms).toEqual([]);
  });

  it('replaces the whole set of services', async () => {
    const inst = await createInstitution(server);
    const put = (services: unknown[]) => admin.request({ method: 'PUT', url: `/api/institutions/${inst.id}/services`, payload: { services } });
    const first = await put([{ service: 'accommodation', permanence: 'permanent', extent: 'full' }, { service: 'feeding', permanence: 'permanent', extent: 'partial' }]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().services).toHaveLength(2);
    const second = await put([{ service: 'feeding', permanence: 'temporary', extent: 'full' }]);
    expect(second.json().services).toEqual([{ service: 'feeding', permanence: 'temporary', extent: 'full' }]);
    expect((await put([{ service: 'feeding', permanence: 'permanent', extent: 'full' }, { service: 'feeding', permanence: 'temporary', extent: 'full' }])).statusCode).toBe(400);
    expect((await put([{ service: 'teleportation', permanence: 'permanent', extent: 'full' }])).statusCode).toBe(400);
  });

  it('refuses a third staff representative and a second chair (API and database)', async () => {
    const inst = await createInstitution(server);
    const add = (seat: string, fullName: string, until?: string) => admin.post(`/api/institutions/${inst.id}/committee`, { seat, fullName, since: '2024-01-01', ...(until && { until }) });
    expect((await add('founder_chair', 'Ahmed Alaoui')).statusCode).toBe(201);
    expect((await add('staff_representative', 'Khadija Amrani')).statusCode).toBe(201);
    expect((await add('staff_representative', 'Youssef Idrissi')).statusCode).toBe(201);
    const third = await add('staff_representative', 'Hassan Bennani');
    expect(third.statusCode).toBe(400);
    expect(third.json().errors[0]).toMatchObject({ path: 'seat', message: expect.stringMatching(/2 membres/) });
    const chair = await add('founder_chair', 'Omar Tazi');
    expect(chair.statusCode).toBe(400);
    expect(chair.json().errors[0].message).toMatch(/un seul président/);
    // A former member (term ended) does not hold the seat.
    expect((await add('staff_representative', 'Ancien membre', '2024-06-30')).statusCode).toBe(201);
    // The database holds the same limit whatever the API does.
    await expect(server.owner(`INSERT INTO registry.committee_members (institution_id, seat, full_name, since) VALUES ($1, 'staff_representative', 'Direct', '2024-01-01')`, [inst.id]))
      .rejects.toMatchObject({ constraint: 'committee_members_seat_limit' });
    await expect(server.owner(`INSERT INTO registry.committee_members (institution_id, seat, full_name, since) VALUES ($1, 'founder_chair', 'Direct', '2024-01-01')`, [inst.id]))
      .rejects.toMatchObject({ constraint: 'committee_members_one_chair' });
    const members = (await admin.get(`/api/institutions/${inst.id}`)).json().committee;
    expect(members).toHaveLength(4);
  });
});

describe('Excel export of the filtered list', () => {
  it('has the filtered rows in order, typed cells, right to left in Arabic', async () => {
    const founder = await createAssociation(server);
    const a = await createInstitution(server, { associationId: founder.id, communeId: founder.communeId, nameFr: 'Alpha Centre', nameAr: 'مركز ألفا', capacityMale: 10, capacityFemale: 5 });
    await createInstitution(server, { associationId: founder.id, communeId: founder.communeId, nameFr: 'Beta Centre', nameAr: 'مركز بيتا', capacityMale: 20, capacityFemale: 20 });
    await server.owner(`UPDATE registry.institutions SET status = 'authorised', licence_number = 'AG-77', licence_date = '2023-03-04' WHERE id = $1`, [a.id]);
    for (const lang of ['ar', 'fr'] as const) {
      const response = await admin.get(`/api/institutions/export.xlsx?association=${founder.id}&sort=-capacity&lang=${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.views[0]).toMatchObject({ rightToLeft: lang === 'ar' });
      expect(sheet.getCell(1, 1).value).toBe(lang === 'ar' ? 'لائحة المؤسسات' : 'Liste des établissements');
      const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1);
      expect(header[0]).toBe(lang === 'ar' ? 'الاسم' : 'Nom');
      expect(sheet.rowCount).toBe(HEADER_ROW + 2);
      const first = sheet.getRow(HEADER_ROW + 1);
      const second = sheet.getRow(HEADER_ROW + 2);
      expect(first.getCell(1).value).toBe(lang === 'ar' ? 'مركز بيتا' : 'Beta Centre');
      expect(first.getCell(17).value).toBe(40);
      expect(second.getCell(17).value).toBe(15);
      expect(second.getCell(6).value).toBe('AG-77');
      expect(second.getCell(7).value).toBeInstanceOf(Date);
      expect(second.getCell(5).value).toBe(lang === 'ar' ? 'مرخصة' : 'Autorisé');
    }
  });

  it('exports only what the caller may see', async () => {
    const inezgane = await createInstitution(server, { province: '09.273' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const response = await delegate.get(`/api/institutions/export.xlsx?association=${inezgane.associationId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(HEADER_ROW);
  });
});

describe('documents of an institution', () => {
  it('keeps versions of the internal rules, in scope only', async () => {
    const inst = await createInstitution(server, { province: '09.001' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const outsider = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const types = (await delegate.get('/api/documents/owner-types/institution')).json();
    expect(types.categories).toEqual(expect.arrayContaining(['internal_rules', 'insurance', 'safety_certificate', 'building_plans', 'conformity_certificate']));
    const upload = (s: Session, url: string, fields: Record<string, string>) => s.request({ method: 'POST', url, ...multipart(fields, { name: 'reglement.pdf', data: samplePdf('Règlement intérieur') }) });
    const doc = await upload(delegate, '/api/documents', { ownerType: 'institution', ownerId: inst.id, category: 'internal_rules', title: 'Règlement intérieur' });
    expect(doc.statusCode, doc.body).toBe(201);
    const v2 = await upload(delegate, `/api/documents/${doc.json().id}/versions`, {});
    expect(v2.statusCode, v2.body).toBe(201);
    expect((await delegate.get(`/api/documents/${doc.json().id}`)).json().versions).toHaveLength(2);
    expect((await upload(outsider, '/api/documents', { ownerType: 'institution', ownerId: inst.id, category: 'internal_rules', title: 'x' })).statusCode).toBe(404);
  });
});
