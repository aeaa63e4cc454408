import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { idOf, signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { closeBrowser } from '../../../../platform/reports/index.ts';
import { multipart, samplePdf } from '../../../../platform/documents/samples.ts';
import { associationWithInstitutions, fundingBody, termsBody } from './testing/factories.ts';

let server: TestServer;
let region: string;
let agadir: string;
beforeAll(async () => {
  server = await startTestServer();
  region = await idOf(server, 'territory.regions', '09');
  agadir = await idOf(server, 'organisation.delegations', '09.001');
});
afterAll(async () => {
  await closeBrowser();
  await server.close();
});

type Session = Awaited<ReturnType<typeof signedIn>>;
const base = '/api/subsidies/conventions';

async function people(language: 'ar' | 'fr' = 'fr') {
  return {
    delegate: await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language }),
    coordinator: await signedIn(server, { role: 'regional_coordinator', scope: '09', language }),
  };
}

async function draft(delegate: Session, over: Record<string, unknown> = {}) {
  const { associationId, institutionIds } = await associationWithInstitutions(server);
  const created = await delegate.post(base, { ownerLevel: 'delegation', associationId, terms: termsBody(institutionIds, over) });
  expect(created.statusCode).toBe(201);
  return { ...(created.json() as { id: string; reference: string; submission: { id: string } }), associationId, institutionIds };
}

async function funded(delegate: Session) {
  const c = await draft(delegate);
  const f = await delegate.patch(`${base}/${c.id}/funding`, fundingBody());
  expect(f.statusCode).toBe(200);
  const body = f.json();
  const en = body.partners.find((p: { kind: string }) => p.kind === 'entraide_nationale');
  const s = await delegate.patch(`${base}/${c.id}/signatories`, {
    items: [
      { party: 'entraide_nationale', fullName: 'Karim Alaoui', title: 'Délégué provincial' },
      { party: 'association', fullName: 'Fatima Zahra Idrissi', title: 'Présidente' },
    ],
  });
  expect(s.statusCode).toBe(200);
  return { ...c, enPartnerId: en.id as string };
}

const act = (s: Session, submissionId: string, body: object) => s.post(`/api/approvals/submissions/${submissionId}/actions`, body);

async function approved(delegate: Session, coordinator: Session) {
  const c = await funded(delegate);
  expect((await act(delegate, c.submission.id, { action: 'submit', level: 0 })).statusCode).toBe(200);
  expect((await act(coordinator, c.submission.id, { action: 'approve', level: 1 })).statusCode).toBe(200);
  return c;
}

/** SQL as the application role with a user's context, as a request would run it. */
async function asApp(userId: string, text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: server.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.user_id', $1, true), set_config('app.scope_level', 'delegation', true), set_config('app.region_id', $2, true), set_config('app.delegation_id', $3, true)`, [userId, region, agadir]);
    return await client.query(text, values);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

const count = async (sql: string, values: unknown[]) => Number((await server.owner<{ n: string }>(sql, values))[0]!.n);

describe('drafting a convention', () => {
  it('keeps partners, yearly amounts adding up to the total, obligations and signatories, exact to the centime', async () => {
    const { delegate } = await people();
    const c = await funded(delegate);
    const body = (await delegate.get(`${base}/${c.id}`)).json();
    expect(body).toMatchObject({ status: 'draft', ownerLevel: 'delegation', totalMad: '300000.00', fundedMad: '300000.00', amendment: 0 });
    expect(body.reference).toMatch(/^CONV-\d{4}-\d{6}$/);
    expect(body.institutions.map((i: { id: string }) => i.id).sort()).toEqual([...c.institutionIds].sort());
    expect(body.partners.map((p: { kind: string; amounts: unknown[] }) => [p.kind, p.amounts])).toEqual([
      ['entraide_nationale', [{ year: 2026, amountMad: '80000.00' }, { year: 2027, amountMad: '80000.00' }, { year: 2028, amountMad: '80000.00' }]],
      ['indh', [{ year: 2026, amountMad: '60000.00' }]],
    ]);
    expect(body.obligations.map((o: { party: string }) => o.party)).toEqual(['entraide_nationale', 'association', 'partner']);
    expect(body.obligations[2].partnerId).toBe(body.partners[1].id);
    expect(body.signatories).toHaveLength(2);
    expect(body.submission).toMatchObject({ state: 'draft', can: { edit: ['funding', 'terms'], actions: ['submit'] } });
    expect(body.can).toEqual({ sign: false, amend: false, signAmendment: false, editSignatories: true, close: false, cancel: true });
    // Saving the funding again keeps the partners (and the signatories that name them).
    const again = (await delegate.patch(`${base}/${c.id}/funding`, fundingBody())).json();
    expect(again.partners.map((p: { id: string }) => p.id)).toEqual(body.partners.map((p: { id: string }) => p.id));
  });

  it('refuses amounts that do not add up, years outside the period and foreign institutions, in the user language, writing nothing', async () => {
    const { delegate } = await people('ar');
    const c = await draft(delegate);
    const short = fundingBody({ partners: [{ kind: 'entraide_nationale', nameAr: 'التعاون الوطني', nameFr: 'Entraide Nationale', amounts: [{ year: 2026, amountMad: '299999.99' }] }], obligations: [] });
    const refused = await delegate.patch(`${base}/${c.id}/funding`, short);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'partners', message: 'مجموع المبالغ 299999.99 درهم بدل المبلغ الإجمالي 300000.00 درهم: يجب أن يتساويا.' }]);
    const outside = fundingBody({ partners: [{ kind: 'entraide_nationale', nameAr: 'التعاون الوطني', nameFr: 'Entraide Nationale', amounts: [{ year: 2029, amountMad: '300000' }] }], obligations: [] });
    const late = await delegate.patch(`${base}/${c.id}/funding`, outside);
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toEqual({ path: 'partners.0.amounts.0.year', message: 'يجب أن تكون السنة بين 2026 و2028، مدة الاتفاقية.' });
    const float = await delegate.patch(`${base}/${c.id}/funding`, fundingBody({ partners: [{ kind: 'indh', nameAr: 'م', nameFr: 'INDH', amounts: [{ year: 2026, amountMad: '1.5e5' }] }], obligations: [] }));
    expect(float.statusCode).toBe(400);
    expect(float.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['partners', 'partners.0.amounts.0.amountMad']);
    expect(await count('SELECT count(*) AS n FROM subsidies.convention_partners WHERE convention_id = $1', [c.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM subsidies.convention_amounts WHERE convention_id = $1', [c.id])).toBe(0);

    // An institution of another association, an end before the start: no convention at all.
    const other = await associationWithInstitutions(server, '09.001', 1);
    const conventionsBefore = await count('SELECT count(*) AS n FROM subsidies.conventions', []);
    const foreign = await delegate.post(base, { ownerLevel: 'delegation', associationId: c.associationId, terms: termsBody([c.institutionIds[0]!, other.institutionIds[0]!]) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: 'terms.institutionIds.1', message: 'هذه المؤسسة لا تتبع جمعية الاتفاقية.' }]);
    const backwards = await delegate.post(base, { ownerLevel: 'delegation', associationId: c.associationId, terms: termsBody(c.institutionIds, { endsOn: '2025-12-31', totalMad: '0' }) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['terms.endsOn', 'terms.totalMad']);
    // An association of another delegation is not the Agadir delegate's to fund.
    const inezgane = await associationWithInstitutions(server, '09.273', 1);
    const outOfScope = await delegate.post(base, { ownerLevel: 'delegation', associationId: inezgane.associationId, terms: termsBody(inezgane.institutionIds) });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().errors[0].path).toBe('associationId');
    expect(await count('SELECT count(*) AS n FROM subsidies.conventions', [])).toBe(conventionsBefore);
  });

  it('opens the approval of a draft written without one (imported data) at the author’s first save', async () => {
    const { delegate } = await people();
    const { associationId, institutionIds } = await associationWithInstitutions(server);
    const [row] = await server.owner<{ id: string }>(
      `INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, region_id, delegation_id)
       VALUES ('delegation', $1, 'م', 'o', '2026-01-01', '2026-12-31', 1000, $2, $3) RETURNING id`,
      [associationId, region, agadir],
    );
    const read = await delegate.get(`${base}/${row!.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ submission: null, editable: ['funding', 'terms'] });
    const saved = await delegate.patch(`${base}/${row!.id}/terms`, termsBody(institutionIds, { endsOn: '2026-12-31', totalMad: '1000' }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().submission).toMatchObject({ state: 'draft', can: { actions: ['submit'] } });
  });

  it('refuses by the database to submit a convention whose amounts no longer match its total', async () => {
    const { delegate } = await people();
    const c = await funded(delegate);
    const terms = await delegate.patch(`${base}/${c.id}/terms`, termsBody(c.institutionIds, { totalMad: '310000' }));
    expect(terms.statusCode).toBe(200);
    expect(terms.json()).toMatchObject({ totalMad: '310000.00', fundedMad: '300000.00' });
    const submitted = await act(delegate, c.submission.id, { action: 'submit', level: 0 });
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json()).toMatchObject({ code: 'amounts_total', title: 'Montants incohérents' });
    const [row] = await server.owner('SELECT state FROM approvals.submissions WHERE id = $1', [c.submission.id]);
    expect(row).toEqual({ state: 'draft' });
    expect(await count('SELECT count(*) AS n FROM approvals.steps WHERE submission_id = $1', [c.submission.id])).toBe(0);
  });
});

describe('approval before signature', () => {
  it('locks the terms once submitted, marks the convention approved on approval, then signs it', async () => {
    const { delegate, coordinator } = await people();
    const c = await funded(delegate);
    expect((await act(delegate, c.submission.id, { action: 'submit', level: 0 })).statusCode).toBe(200);
    // Locked through the API and in the database, whoever writes.
    const edit = await delegate.patch(`${base}/${c.id}/funding`, fundingBody());
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('locked');
    await expect(asApp(delegate.id, 'UPDATE subsidies.conventions SET total_mad = 1 WHERE id = $1', [c.id])).rejects.toMatchObject({ code: 'RA409' });
    await expect(asApp(delegate.id, 'DELETE FROM subsidies.convention_amounts WHERE convention_id = $1', [c.id])).rejects.toMatchObject({ code: 'RA409' });
    // The status follows the approval only: no "approved" by hand.
    await expect(asApp(delegate.id, `UPDATE subsidies.conventions SET status = 'approved' WHERE id = $1`, [c.id])).rejects.toMatchObject({ code: 'RA409' });
    const drafted = (await delegate.get(`${base}/${c.id}`)).json();
    const early = await delegate.post(`${base}/${c.id}/sign`, { signatures: drafted.signatories.map((s: { id: string }) => ({ signatoryId: s.id, signedOn: '2026-01-10' })) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_approved');

    const approval = await act(coordinator, c.submission.id, { action: 'approve', level: 1 });
    expect(approval.statusCode).toBe(200);
    const after = (await delegate.get(`${base}/${c.id}`)).json();
    expect(after).toMatchObject({ status: 'approved', can: { sign: true, amend: false } });

    const [en, association] = after.signatories as { id: string }[];
    const future = await delegate.post(`${base}/${c.id}/sign`, { signatures: [{ signatoryId: en!.id, signedOn: '2026-01-10' }, { signatoryId: association!.id, signedOn: '2099-01-01' }] });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'signatures.1.signedOn' });
    const missing = await delegate.post(`${base}/${c.id}/sign`, { signatures: [{ signatoryId: en!.id, signedOn: '2026-01-10' }] });
    expect(missing.statusCode).toBe(400);
    expect((await server.owner('SELECT status FROM subsidies.conventions WHERE id = $1', [c.id]))[0]).toEqual({ status: 'approved' });

    const signed = await delegate.post(`${base}/${c.id}/sign`, { signatures: [{ signatoryId: en!.id, signedOn: '2026-01-10' }, { signatoryId: association!.id, signedOn: '2026-01-12' }] });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedOn: '2026-01-12', can: { sign: false, amend: true, editSignatories: false } });
    expect((await delegate.post(`${base}/${c.id}/sign`, { signatures: [{ signatoryId: en!.id, signedOn: '2026-01-10' }] })).statusCode).toBe(409);
  });

  it('versions an amendment: the previous terms kept, the changes through a new approval, then its signature', async () => {
    const { delegate, coordinator } = await people();
    const c = await approved(delegate, coordinator);
    const sigs = (await delegate.get(`${base}/${c.id}`)).json().signatories as { id: string }[];
    await delegate.post(`${base}/${c.id}/sign`, { signatures: sigs.map((s) => ({ signatoryId: s.id, signedOn: '2026-01-15' })) });

    const opened = await delegate.post(`${base}/${c.id}/amendments`, { reasonAr: 'تمديد المدة', reasonFr: 'Prolongation d’un an' });
    expect(opened.statusCode).toBe(200);
    const amending = opened.json();
    expect(amending).toMatchObject({ status: 'signed', amendment: 1, submission: { state: 'draft', can: { edit: ['funding', 'terms'] } } });
    expect(amending.submission.id).not.toBe(c.submission.id);
    expect(amending.amendments[0]).toMatchObject({ amendment: 1, reasonFr: 'Prolongation d’un an', signedOn: null, previousTerms: { endsOn: '2028-12-31', totalMad: '300000.00' } });
    // A second amendment cannot open while the first is not approved and signed.
    expect((await delegate.post(`${base}/${c.id}/amendments`, { reasonAr: 'ب', reasonFr: 'b' })).statusCode).toBe(409);

    expect((await delegate.patch(`${base}/${c.id}/terms`, termsBody(c.institutionIds, { endsOn: '2029-12-31', totalMad: '380000' }))).statusCode).toBe(200);
    const extra = fundingBody();
    extra.partners[0]!.amounts.push({ year: 2029, amountMad: '80000' });
    expect((await delegate.patch(`${base}/${c.id}/funding`, extra)).statusCode).toBe(200);
    expect((await act(delegate, amending.submission.id, { action: 'submit', level: 0 })).statusCode).toBe(200);
    expect((await delegate.patch(`${base}/${c.id}/terms`, termsBody(c.institutionIds))).statusCode).toBe(409);
    expect((await act(coordinator, amending.submission.id, { action: 'approve', level: 1 })).statusCode).toBe(200);
    const signedAmendment = await delegate.post(`${base}/${c.id}/amendments/1/sign`, { signedOn: '2026-06-01' });
    expect(signedAmendment.statusCode).toBe(200);
    expect(signedAmendment.json()).toMatchObject({ endsOn: '2029-12-31', totalMad: '380000.00', fundedMad: '380000.00', amendments: [{ amendment: 1, signedOn: '2026-06-01', submissionState: 'approved' }], can: { amend: true } });
    // The original approval keeps its own history; the convention's is the amendment's now.
    expect((await server.owner('SELECT state FROM approvals.submissions WHERE id = $1', [c.submission.id]))[0]).toEqual({ state: 'approved' });
  });
});

describe('a region convention', () => {
  it('is drafted by the regional coordinator (not a delegate) and approved centrally', async () => {
    const { coordinator, delegate } = await people();
    const central = await signedIn(server, { role: 'central_analyst' });
    const { associationId, institutionIds } = await associationWithInstitutions(server, '09.273');
    expect((await delegate.post(base, { ownerLevel: 'region', associationId, terms: termsBody(institutionIds) })).statusCode).toBe(403);
    const created = await coordinator.post(base, { ownerLevel: 'region', associationId, terms: termsBody(institutionIds) });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ ownerLevel: 'region', delegationId: null, regionId: region, submission: { chain: ['region', 'central'] } });
    expect((await coordinator.patch(`${base}/${c.id}/funding`, fundingBody())).statusCode).toBe(200);
    expect((await act(coordinator, c.submission.id, { action: 'submit', level: 0 })).statusCode).toBe(200);
    expect((await act(central, c.submission.id, { action: 'approve', level: 1 })).statusCode).toBe(200);
    expect((await central.get(`${base}/${c.id}`)).json()).toMatchObject({ status: 'approved', can: { sign: false } });
    expect((await coordinator.get(`${base}/${c.id}`)).json().can.sign).toBe(true);
  });
});

describe('scope', () => {
  it('answers 404 for a convention out of scope, to read, edit, print or attach to', async () => {
    const { delegate } = await people();
    const c = await funded(delegate);
    const inezgane = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const otherRegion = await signedIn(server, { role: 'regional_coordinator', scope: '03' });
    for (const s of [inezgane, otherRegion]) {
      expect((await s.get(`${base}/${c.id}`)).statusCode).toBe(404);
      expect((await s.patch(`${base}/${c.id}/terms`, termsBody(c.institutionIds))).statusCode).toBe(404);
      expect((await s.get(`${base}/${c.id}/convention.pdf`)).statusCode).toBe(404);
      expect((await s.get(`/api/documents?ownerType=subsidy_convention&ownerId=${c.id}`)).statusCode).toBe(404);
      expect((await s.get(base)).json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    }
    // The association it funds reads it, but does not draft it.
    const officer = await signedIn(server, { role: 'association_officer', scope: { association: c.associationId } });
    expect((await officer.get(`${base}/${c.id}`)).statusCode).toBe(200);
    expect((await officer.patch(`${base}/${c.id}/terms`, termsBody(c.institutionIds))).statusCode).toBe(403);
    // Documents: the delegation attaches the signed copy; the association reads it but attaches nothing.
    const upload = (s: Session, category: string) =>
      s.request({ method: 'POST', url: '/api/documents', ...multipart({ ownerType: 'subsidy_convention', ownerId: c.id, category, title: 'Convention signée' }, { name: 'convention.pdf', data: samplePdf('Convention') }) });
    expect((await upload(delegate, 'signed_convention')).statusCode).toBe(201);
    expect((await upload(delegate, 'licence')).statusCode).toBe(400);
    expect((await upload(officer, 'convention_annex')).statusCode).toBe(403);
    expect((await upload(inezgane, 'convention_annex')).statusCode).toBe(404);
    const listed = (await officer.get(`/api/documents?ownerType=subsidy_convention&ownerId=${c.id}`)).json();
    expect(listed.items.map((d: { category: string }) => d.category)).toEqual(['signed_convention']);
  });
});

describe('the convention list', () => {
  it('filters by partner, period, status and late tranches, pages by keyset, exports to Excel', async () => {
    const fresh = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09' });
    const a = await approved(fresh, coordinator);
    const b = await draft(fresh, { startsOn: '2030-01-01', endsOn: '2031-12-31' });
    const foreign = await draft(fresh, { startsOn: '2027-03-01', endsOn: '2028-02-28' });
    const ff = await fresh.patch(`${base}/${foreign.id}/funding`, {
      partners: [
        { kind: 'entraide_nationale', nameAr: 'التعاون الوطني', nameFr: 'Entraide Nationale', amounts: [{ year: 2027, amountMad: '200000' }] },
        { kind: 'foreign_funder', nameAr: 'مانح أجنبي', nameFr: 'Fondation étrangère', sggDeclaredOn: '2027-02-01', sggReference: 'SGG-2027-12', amounts: [{ year: 2028, amountMad: '100000' }] },
      ],
      obligations: [],
    });
    expect(ff.statusCode).toBe(200);
    // A tranche of a planned before today and not paid: late.
    await server.owner(`INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad) VALUES ($1, 2026, 1, '2026-02-01', 80000)`, [a.id]);
    const ids = async (query: string) => (await fresh.get(`${base}?${query}`)).json().items.map((i: { id: string }) => i.id) as string[];
    const mine = [a.id, b.id, foreign.id];
    const only = (list: string[]) => list.filter((x) => mine.includes(x));

    expect(only(await ids('status=approved'))).toEqual([a.id]);
    expect(only(await ids('partnerKind=foreign_funder'))).toEqual([foreign.id]);
    expect(only(await ids('partnerKind=indh'))).toEqual([a.id]);
    // By a partner's name, in either script, accents and case aside.
    expect(only(await ids(`partner=${encodeURIComponent('fondation ETRANGERE')}`))).toEqual([foreign.id]);
    expect(only(await ids(`partner=${encodeURIComponent('مانح')}`))).toEqual([foreign.id]);
    expect(only(await ids('partner=nobody'))).toEqual([]);
    expect(only(await ids('from=2029-06-01&to=2031-01-01'))).toEqual([b.id]);
    expect(only(await ids('late=true'))).toEqual([a.id]);
    expect(only(await ids('late=false')).sort()).toEqual([b.id, foreign.id].sort());
    const lateRow = (await fresh.get(`${base}?late=true&limit=200`)).json().items.find((i: { id: string }) => i.id === a.id);
    expect(lateRow).toMatchObject({ lateTranches: 1, partnerKinds: ['entraide_nationale', 'indh'] });

    // Keyset: newest start first, every convention once across pages.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { items: { id: string; startsOn: string }[]; nextCursor: string | null } = (await fresh.get(`${base}?limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`)).json();
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(only(seen)).toEqual([b.id, foreign.id, a.id]);
    expect((await fresh.get(`${base}?after=nonsense`)).statusCode).toBe(400);
    expect((await fresh.get(`${base}?partnerKind=bank`)).statusCode).toBe(400);

    const xlsx = await fresh.get(`${base}/export.xlsx?partner=fondation&lang=fr`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain(foreign.reference);
    expect(values).not.toContain(a.reference);
    expect(values.join(' ')).toContain('Financeur étranger');
  });

  it('prints the convention in Arabic and in French', async () => {
    const { delegate } = await people();
    const c = await funded(delegate);
    for (const lang of ['ar', 'fr'] as const) {
      const response = await delegate.get(`${base}/${c.id}/convention.pdf?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = pdfPageRuns(response.rawPayload).flat().join(' ');
      expect(text).toContain(c.reference);
      expect(text).toContain(lang === 'ar' ? 'التعاون الوطني' : 'Entraide Nationale');
      expect(text).toContain(lang === 'ar' ? 'الالتزامات' : 'Obligations');
    }
  }, 60_000);
});
