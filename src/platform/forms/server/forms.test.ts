/**
 * The forms service through the API on the real database: design, publish (then frozen, even
 * to direct SQL as the application role), answers validated and scored on the server, scope.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../server/testing/demo-template.ts';
import { idOf, signedIn, startTestServer, type Session, type TestServer } from '../../../server/testing/harness.ts';
import type { FormDefinition } from '../contract.ts';
import { multipart, samplePdf } from '../../documents/samples.ts';

let server: TestServer;
let designer: Session & { id: string };
beforeAll(async () => {
  server = await startTestServer();
  designer = await signedIn(server, { role: 'system_admin', language: 'fr' });
});
afterAll(() => server.close());

const L = (s: string) => ({ ar: `سؤال ${s}`, fr: s });
const definition: FormDefinition = {
  sections: [
    {
      id: 'gov',
      title: L('Gouvernance'),
      questions: [
        { id: 'plan', type: 'yes_no', label: L('Plan'), required: true, weight: 2, yesScore: 3, noScore: 0 },
        { id: 'plan_year', type: 'number', label: L('Année'), required: true, integer: true, visibleWhen: { question: 'plan', anyOf: ['yes'] } },
      ],
    },
    {
      id: 'srv',
      title: L('Services'),
      questions: [
        {
          id: 'level',
          type: 'single_choice',
          label: L('Niveau'),
          required: true,
          weight: 1,
          choices: [
            { id: 'low', label: L('Bas'), score: 0 },
            { id: 'high', label: L('Haut'), score: 4 },
          ],
        },
      ],
    },
  ],
};

/** A published form of its own for each test that needs one. */
async function publishedForm(def: FormDefinition = definition): Promise<{ formId: string; versionId: string }> {
  const created = await designer.post('/api/forms', { code: `t-${randomUUID().slice(0, 8)}`, purpose: 'self_diagnosis', titleAr: 'استمارة', titleFr: 'Formulaire', definition: def });
  expect(created.statusCode).toBe(201);
  const form = created.json();
  const versionId = form.versions[0].id;
  expect((await designer.post(`/api/forms/versions/${versionId}/publish`)).statusCode).toBe(200);
  return { formId: form.id, versionId };
}

describe('designing forms', () => {
  it('creates a form with a draft version 1, edits it, publishes it, then copies it as version 2', async () => {
    const created = await designer.post('/api/forms', { code: 'test-design', purpose: 'survey', titleAr: 'استبيان', titleFr: 'Enquête', targetGroups: ['elderly'] });
    expect(created.statusCode).toBe(201);
    const form = created.json();
    expect(form.versions).toMatchObject([{ version: 1, status: 'draft' }]);
    const v1 = form.versions[0].id;
    expect((await designer.post(`/api/forms/versions/${v1}/publish`)).json().code).toBe('nothing_to_publish');
    const saved = await designer.patch(`/api/forms/versions/${v1}`, { definition });
    expect(saved.statusCode).toBe(200);
    const published = await designer.post(`/api/forms/versions/${v1}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', version: 1 });
    // Published: the API refuses edits.
    const edit = await designer.patch(`/api/forms/versions/${v1}`, { definition });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('nouvelle version');
    const v2 = await designer.post(`/api/forms/${form.id}/versions`);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, status: 'draft', definition });
    expect((await designer.post(`/api/forms/${form.id}/versions`)).json().code).toBe('draft_exists');
    // Publishing version 2 retires version 1, whose definition stays as it was.
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const onV1 = (await delegate.post('/api/forms/responses', { versionId: v1, subjectType: 'delegation', subjectId: agadir, answers: {} })).json();
    expect((await designer.post(`/api/forms/versions/${v2.json().id}/publish`)).statusCode).toBe(200);
    const versions = (await designer.get(`/api/forms/${form.id}`)).json().versions;
    expect(versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:published', '1:retired']);
    expect((await designer.get(`/api/forms/versions/${v1}`)).json().definition).toEqual(definition);
    // A draft begun on version 1 is completed on version 1; a new response needs version 2.
    const finished = await delegate.patch(`/api/forms/responses/${onV1.id}`, { answers: { plan: false, level: 'low' }, submit: true });
    expect(finished.json()).toMatchObject({ status: 'submitted', version: 1 });
    expect((await delegate.post('/api/forms/responses', { versionId: v1, subjectType: 'delegation', subjectId: agadir, answers: {} })).statusCode).toBe(409);
    const renamed = await designer.patch(`/api/forms/${form.id}`, { titleFr: 'Enquête de satisfaction', targetGroups: ['elderly', 'children'] });
    expect(renamed.json()).toMatchObject({ titleFr: 'Enquête de satisfaction', targetGroups: ['elderly', 'children'], code: 'test-design' });
    const list = (await designer.get('/api/forms?q=enqu')).json();
    expect(list.items.map((f: { code: string }) => f.code)).toEqual(['test-design']);
  });

  it('refuses an invalid definition with field errors in the user language', async () => {
    const created = (await designer.post('/api/forms', { code: 'test-invalid', purpose: 'survey', titleAr: 'أ', titleFr: 'A' })).json();
    const bad = structuredClone(definition);
    bad.sections[1]!.questions[0]!.id = 'plan';
    const r = await designer.patch(`/api/forms/versions/${created.versions[0].id}`, { definition: bad });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([{ path: 'definition.sections.1.questions.0.id', message: 'Cet identifiant est déjà utilisé dans le formulaire.' }]);
  });

  it('a published version cannot be changed nor deleted, even by direct SQL as the application role', async () => {
    const { versionId } = await publishedForm();
    const app = new pg.Client({ connectionString: server.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', 'nation', true)`, [designer.id]);
      await expect(app.query(`UPDATE forms.form_versions SET definition = '{"sections": []}' WHERE id = $1`, [versionId])).rejects.toThrow(/published and cannot be changed/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', 'nation', true)`, [designer.id]);
      await expect(app.query(`DELETE FROM forms.form_versions WHERE id = $1`, [versionId])).rejects.toThrow(/cannot be deleted/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', 'nation', true)`, [designer.id]);
      await expect(app.query(`UPDATE forms.form_versions SET status = 'draft', published_at = NULL WHERE id = $1`, [versionId])).rejects.toThrow(/published/);
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
    const [row] = await server.owner<{ definition: FormDefinition }>('SELECT definition FROM forms.form_versions WHERE id = $1', [versionId]);
    expect(row!.definition).toEqual(definition);
  });

  it('only a national designer designs: others get 403', async () => {
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    expect((await delegate.post('/api/forms', { code: 'test-nope', purpose: 'survey', titleAr: 'أ', titleFr: 'A' })).statusCode).toBe(403);
    const regionalAdmin = await signedIn(server, { role: 'system_admin', scope: '09' });
    expect((await regionalAdmin.post('/api/forms', { code: 'test-nope', purpose: 'survey', titleAr: 'أ', titleFr: 'A' })).statusCode).toBe(403);
    const { formId } = await publishedForm();
    expect((await delegate.post(`/api/forms/${formId}/versions`)).statusCode).toBe(403);
    expect((await delegate.patch(`/api/forms/${formId}`, { titleFr: 'Détourné' })).statusCode).toBe(403);
    expect((await regionalAdmin.patch(`/api/forms/${formId}`, { titleFr: 'Détourné' })).statusCode).toBe(403);
    // …but reads the definition.
    expect((await delegate.get(`/api/forms/${formId}`)).statusCode).toBe(200);
    expect((await server.owner('SELECT 1 FROM forms.forms WHERE code = $1', ['test-nope'])).length).toBe(0);
  });
});

describe('responses', () => {
  it('are scored on the server, per section and in total, whatever the client claims', async () => {
    const { versionId } = await publishedForm();
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const draft = await delegate.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: { plan: true } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', scores: { total: 6, max: 10 } });
    const id = draft.json().id;
    // Submitting without the now-visible required year is refused.
    const missing = await delegate.patch(`/api/forms/responses/${id}`, { answers: { plan: true, level: 'high' }, submit: true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ path: 'answers.plan_year', message: 'هذا السؤال إجباري.' }]);
    const submitted = await delegate.patch(`/api/forms/responses/${id}`, { answers: { plan: true, plan_year: 2026, level: 'high' }, submit: true });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      scores: { total: 10, max: 10, sections: [{ sectionId: 'gov', score: 6, max: 6 }, { sectionId: 'srv', score: 4, max: 4 }] },
      subject: { type: 'delegation', id: agadir },
    });
    const [row] = await server.owner<{ total_score: number; max_score: number; version_id: string }>('SELECT total_score, max_score, version_id FROM forms.responses WHERE id = $1', [id]);
    expect(row).toEqual({ total_score: 10, max_score: 10, version_id: versionId });
    // Submitted is final.
    expect((await delegate.patch(`/api/forms/responses/${id}`, { answers: {} })).statusCode).toBe(409);
    const list = (await delegate.get(`/api/forms/responses?subjectType=delegation&subjectId=${agadir}&limit=1`)).json();
    expect(list.items[0]).toMatchObject({ id, status: 'submitted' });
  });

  it('an answer of the wrong type answers 400 with a field error in Arabic and in French, and writes nothing', async () => {
    const { versionId } = await publishedForm();
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const body = { versionId, subjectType: 'delegation', subjectId: agadir, answers: { plan: 'oui', level: 'medium' } };
    const before = await server.owner<{ n: string }>('SELECT count(*) AS n FROM forms.responses');
    const ar = await (await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'ar' })).post('/api/forms/responses', body);
    expect(ar.statusCode).toBe(400);
    expect(ar.json().errors).toEqual([
      { path: 'answers.plan', message: 'أجيبوا بنعم أو لا.' },
      { path: 'answers.level', message: 'اختاروا أحد الأجوبة المقترحة.' },
    ]);
    const fr = await (await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' })).post('/api/forms/responses', body);
    expect(fr.json().errors).toEqual([
      { path: 'answers.plan', message: 'Répondez par oui ou par non.' },
      { path: 'answers.level', message: 'Choisissez une des réponses proposées.' },
    ]);
    const after = await server.owner<{ n: string }>('SELECT count(*) AS n FROM forms.responses');
    expect(after).toEqual(before);
  });

  it('a subject or a response outside the scope answers 404', async () => {
    const { versionId } = await publishedForm();
    const agadirUser = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const inezganeUser = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const created = (await agadirUser.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).json();
    expect((await inezganeUser.get(`/api/forms/responses/${created.id}`)).statusCode).toBe(404);
    expect((await inezganeUser.patch(`/api/forms/responses/${created.id}`, { answers: { plan: false } })).statusCode).toBe(404);
    expect((await inezganeUser.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).statusCode).toBe(404);
    expect((await inezganeUser.get(`/api/forms/responses?subjectType=delegation&subjectId=${agadir}`)).json().items).toEqual([]);
    // The region sees its delegations' responses.
    const region = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    expect((await region.get(`/api/forms/responses/${created.id}`)).statusCode).toBe(200);
    const otherRegion = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    expect((await otherRegion.get(`/api/forms/responses/${created.id}`)).statusCode).toBe(404);
    const [row] = await server.owner<{ answers: object }>('SELECT answers FROM forms.responses WHERE id = $1', [created.id]);
    expect(row!.answers).toEqual({});
  });

  it('a draft version cannot be answered; a reader without forms.answer cannot answer', async () => {
    const created = (await designer.post('/api/forms', { code: `t-${randomUUID().slice(0, 8)}`, purpose: 'survey', titleAr: 'أ', titleFr: 'A', definition })).json();
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const r = await delegate.post('/api/forms/responses', { versionId: created.versions[0].id, subjectType: 'delegation', subjectId: agadir, answers: {} });
    expect(r.statusCode).toBe(409);
    const { versionId } = await publishedForm();
    const analyst = await signedIn(server, { role: 'central_analyst' });
    expect((await analyst.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).statusCode).toBe(403);
    expect((await delegate.post('/api/forms/responses', { versionId, subjectType: 'spaceship', subjectId: agadir, answers: {} })).statusCode).toBe(400);
  });

  it('pages responses by keyset', async () => {
    const { formId, versionId } = await publishedForm();
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await delegate.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).json().id);
    const first = (await delegate.get(`/api/forms/responses?form=${formId}&limit=2`)).json();
    const second = (await delegate.get(`/api/forms/responses?form=${formId}&limit=2&after=${encodeURIComponent(first.nextCursor)}`)).json();
    const third = (await delegate.get(`/api/forms/responses?form=${formId}&limit=2&after=${encodeURIComponent(second.nextCursor)}`)).json();
    expect([...first.items, ...second.items, ...third.items].map((r: { id: string }) => r.id)).toEqual(ids.reverse());
    expect(third.nextCursor).toBeNull();
  });
});

describe('API edge', () => {
  it('is in the OpenAPI document, and hostile input answers 400, never 500', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const route of ['/api/forms', '/api/forms/{id}/versions', '/api/forms/versions/{id}/publish', '/api/forms/responses', '/api/forms/responses/{id}']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    expect(doc.paths['/api/forms/responses/{id}'].patch.requestBody).toBeDefined();
    const { versionId } = await publishedForm();
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const hostile: unknown[] = [
      { versionId, subjectType: 'delegation', subjectId: agadir, answers: { plan: { $ne: 1 } } },
      { versionId, subjectType: 'delegation', subjectId: agadir, answers: [] },
      { versionId, subjectType: 'Delegation; DROP TABLE', subjectId: agadir },
      { versionId: 'x', subjectType: 'delegation', subjectId: agadir },
      { versionId, subjectType: 'delegation', subjectId: agadir, answers: { ['q'.repeat(500)]: 1 } },
    ];
    for (const body of hostile) expect((await delegate.post('/api/forms/responses', body)).statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    const created = (await designer.post('/api/forms', { code: `t-${randomUUID().slice(0, 8)}`, purpose: 'survey', titleAr: 'أ', titleFr: 'A' })).json();
    for (const definition of [null, { sections: [] }, { sections: [{ id: 'S 1', title: L('x'), questions: [] }] }, { sections: [{ id: 's', title: L('x'), questions: [{ id: 'q', type: 'rocket' }] }] }]) {
      expect((await designer.patch(`/api/forms/versions/${created.versions[0].id}`, { definition })).statusCode).toBe(400);
    }
  });
});

describe('file questions', () => {
  it('take documents uploaded to the response itself, scoped like it; any other id is refused', async () => {
    const withFile: FormDefinition = {
      sections: [{ id: 'docs', title: L('Pièces'), questions: [{ id: 'evidence', type: 'file', label: L('Justificatifs'), required: true, maxFiles: 2 }] }],
    };
    const { versionId } = await publishedForm(withFile);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const agadir = await idOf(server, 'organisation.delegations', '09.001');
    const response = (await delegate.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).json();
    const other = (await delegate.post('/api/forms/responses', { versionId, subjectType: 'delegation', subjectId: agadir, answers: {} })).json();
    const upload = (ownerId: string) =>
      delegate.request({ method: 'POST', url: '/api/documents', ...multipart({ ownerType: 'form_response', ownerId, category: 'evidence', title: 'PV' }, { name: 'pv.pdf', data: samplePdf('PV') }) });
    const mine = await upload(response.id);
    expect(mine.statusCode).toBe(201);
    const theirs = (await upload(other.id)).json();
    // The document carries the response's scope keys.
    const [doc] = await server.owner<{ delegation_id: string }>('SELECT delegation_id FROM documents.documents WHERE id = $1', [mine.json().id]);
    expect(doc!.delegation_id).toBe(agadir);
    const wrong = await delegate.patch(`/api/forms/responses/${response.id}`, { answers: { evidence: [theirs.id] }, submit: true });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'answers.evidence', message: 'المرفقات غير صالحة.' }]);
    const ok = await delegate.patch(`/api/forms/responses/${response.id}`, { answers: { evidence: [mine.json().id] }, submit: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().answers).toEqual({ evidence: [mine.json().id] });
    // Out of scope: neither the response's documents nor an upload to it.
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await inezgane.get(`/api/documents?ownerType=form_response&ownerId=${response.id}`)).statusCode).toBe(404);
  });
});

describe('demo data', () => {
  // A copy of the demo as seedDemo left it (demo-template.ts), started before the test: building the
  // template (first file to ask) is setup, not the test.
  let demo: TestServer;
  beforeAll(async () => {
    demo = await startTestServer({}, { demo: true });
  }, 120_000); // as long as the browser tests' setup: the first file to ask seeds the demo template
  afterAll(() => demo?.close());

  it('holds a published scored self-diagnosis, a draft version 2, a submitted response for Agadir and a draft elsewhere', async () => {
    const { seedDemo } = await import('../../../server/demo.ts');
    // Seeded a second time: nothing may double.
    await seedDemo(demo.ownerUrl, DEMO_PASSWORD, demo.config.dataDir);
    const agadirUser = await signedIn(demo, { role: 'provincial_delegate', scope: '09.001' });
    const forms = (await agadirUser.get('/api/forms?q=delegation-self')).json().items;
    expect(forms).toHaveLength(1);
    expect(forms[0].versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual(['2:draft', '1:published']);
    const responses = (await agadirUser.get(`/api/forms/responses?form=${forms[0].id}`)).json().items;
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ status: 'submitted', subject: { nameFr: expect.stringContaining('Agadir') } });
    expect(responses[0].scores.max).toBeGreaterThan(responses[0].scores.total);
    const central = await signedIn(demo, { role: 'central_analyst' });
    const all = (await central.get(`/api/forms/responses?form=${forms[0].id}`)).json().items;
    expect(all.map((r: { status: string }) => r.status).sort()).toEqual(['draft', 'submitted']);
  });
});
