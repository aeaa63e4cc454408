/**
 * The register API: admission from an accepted referral, the register page with the fields of
 * decree 2.19.693 art. 11 (health only for the roles that may read it, every read logged), bad
 * input answered in the user's language with nothing written, exits, transfers, occupancy, the
 * waiting list, the board, the PDF read back, and the sibling delegation kept out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { closeBrowser } from '../../../../platform/reports/index.ts';
import { pdfPageRuns } from '../../../../platform/reports/testing/pdf-text.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';
import { createAdmission, createCase, createPerson, createReferral } from '../../testing/factories.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await closeBrowser();
  await server.close();
});

const darTaliba = (capacityFemale = 40) =>
  createInstitution(server, { province: '09.001', legalCategory: 'schooled_children', centreType: 'student_home', sexServed: 'girls', capacityFemale });

async function referred(institutionId: string, spec: Parameters<typeof createPerson>[1] = {}) {
  const person = await createPerson(server, { delegation: '09.001', birthDate: '2012-02-03', ...spec });
  const kase = await createCase(server, { personId: person.id, stage: 'orientation' });
  const referral = await createReferral(server, { caseId: kase.id, institutionId, state: 'accepted' });
  return { person, kase, referral };
}

describe('admission from an accepted referral and the register page', () => {
  it('admits, numbers, moves the case, and lists the register with family data; health for the director only; reads are logged', async () => {
    const home = await darTaliba();
    const { person, kase, referral } = await referred(home.id, { firstNameLat: 'Khadija', lastNameLat: 'Ait Brahim', firstNameAr: 'خديجة', lastNameAr: 'آيت براهيم' });
    await server.owner(`INSERT INTO beneficiaries.relatives (person_id, relation, is_legal_representative, full_name_lat, cnie, phone, profession, social_situation, address)
      VALUES ($1, 'father', true, 'Lahcen Ait Brahim', 'J123456', '+212661234567', 'Agriculteur', 'employed', 'Douar Tamri')`, [person.id]);
    await server.owner(`INSERT INTO beneficiaries.health_records (person_id, status, details) VALUES ($1, 'chronic_illness', 'asthme')`, [person.id]);
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: home.id }, language: 'fr' });

    const waiting = await director.get(`/api/institutions/${home.id}/waiting-list`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json().items).toEqual([expect.objectContaining({ referralId: referral.id, caseId: kase.id, person: expect.objectContaining({ id: person.id }) })]);

    const created = await director.post(`/api/institutions/${home.id}/admissions`, {
      personId: person.id, referralId: referral.id, admissionDate: '2026-09-14', schoolName: 'Collège Al Massira', schoolLevel: '2e année collège',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ registrationNumber: '2026/0001', caseId: kase.id, schoolYear: '2026-2027' });
    const [moved] = await server.owner<{ stage: string; state: string }>(
      'SELECT c.stage, r.state FROM beneficiaries.cases c, beneficiaries.referrals r WHERE c.id = $1 AND r.id = $2', [kase.id, referral.id]);
    expect(moved).toEqual({ stage: 'admitted', state: 'completed' });
    expect((await director.get(`/api/institutions/${home.id}/waiting-list`)).json().items).toEqual([]);

    const page = await director.get(`/api/institutions/${home.id}/register?year=2026`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      healthVisible: true,
      items: [{
        registrationNumber: '2026/0001',
        admissionDate: '2026-09-14',
        person: { id: person.id, firstNameLat: 'Khadija', birthDate: '2012-02-03' },
        family: [{ relation: 'father', isLegalRepresentative: true, fullNameLat: 'Lahcen Ait Brahim', cnie: 'J123456', phone: '+212661234567', profession: 'Agriculteur', socialSituation: 'employed', address: 'Douar Tamri' }],
        healthStatus: 'chronic_illness',
      }],
    });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const seen = (await delegate.get(`/api/institutions/${home.id}/register`)).json();
    expect(seen).toMatchObject({ healthVisible: false, items: [{ person: { id: person.id }, healthStatus: null }] });
    const logged = await server.owner<{ user_id: string }>(`SELECT user_id FROM beneficiaries.access_log WHERE person_id = $1 AND action = 'register'`, [person.id]);
    expect(logged.map((l) => l.user_id).sort()).toEqual([director.id, delegate.id].sort());
  });

  it('finds a row by name in either script, by registration number, and pages by keyset', async () => {
    const home = await darTaliba();
    const names = [['Salma', 'سلمى'], ['Nadia', 'نادية'], ['Hajar', 'هاجر']] as const;
    for (const [lat, ar] of names) {
      const person = await createPerson(server, { firstNameLat: lat, firstNameAr: ar, birthDate: '2011-01-01' });
      await createAdmission(server, { institutionId: home.id, personId: person.id, admissionDate: '2026-09-10' });
    }
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const first = (await worker.get(`/api/institutions/${home.id}/register?limit=2`)).json();
    expect(first.items.map((e: { registrationNumber: string }) => e.registrationNumber)).toEqual(['2026/0003', '2026/0002']);
    const second = (await worker.get(`/api/institutions/${home.id}/register?limit=2&after=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ registrationNumber: '2026/0001' }], nextCursor: null });
    for (const q of ['نادیة'.replace('ی', 'ي'), 'nadia', '2026/0002']) {
      const found = (await worker.get(`/api/institutions/${home.id}/register?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((e: { person: { firstNameLat: string } }) => e.person.firstNameLat)).toEqual(['Nadia']);
    }
    expect((await worker.get(`/api/institutions/${home.id}/register?after=garbage`)).statusCode).toBe(400);
  });
});

describe('bad input is refused in the user language and nothing is written', () => {
  it('refuses an adult in a Dar Taliba, an admission in the future, and the place beyond capacity without a justification', async () => {
    const home = await darTaliba(1);
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const adult = await createPerson(server, { birthDate: '1999-01-01' });
    const refused = await worker.post(`/api/institutions/${home.id}/admissions`, { personId: adult.id, admissionDate: '2026-09-14' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'personId', message: expect.stringMatching(/âge/) });
    const girl = await createPerson(server, { birthDate: '2013-01-01' });
    const future = await worker.post(`/api/institutions/${home.id}/admissions`, { personId: girl.id, admissionDate: '2999-09-14' });
    expect(future.json().errors[0]).toMatchObject({ path: 'admissionDate', message: expect.stringMatching(/futur/) });
    expect((await worker.post(`/api/institutions/${home.id}/admissions`, { personId: girl.id, admissionDate: '2026-09-14', schoolYear: '2026-2028' })).statusCode).toBe(400);
    expect(await server.owner('SELECT 1 FROM beneficiaries.admissions WHERE institution_id = $1', [home.id])).toHaveLength(0);

    expect((await worker.post(`/api/institutions/${home.id}/admissions`, { personId: girl.id, admissionDate: '2026-09-14' })).statusCode).toBe(201);
    const other = await createPerson(server, { birthDate: '2013-01-01' });
    const full = await worker.post(`/api/institutions/${home.id}/admissions`, { personId: other.id, admissionDate: '2026-09-15' });
    expect(full.statusCode).toBe(409);
    expect(full.json().errors[0]).toMatchObject({ path: 'overCapacityJustification', message: expect.stringMatching(/justification/) });
    const justified = await worker.post(`/api/institutions/${home.id}/admissions`, { personId: other.id, admissionDate: '2026-09-15', overCapacityJustification: 'Décision du comité : fratrie' });
    expect(justified.statusCode).toBe(201);
    const occupancy = (await worker.get(`/api/institutions/${home.id}/occupancy`)).json();
    expect(occupancy).toMatchObject({ capacityFemale: 1, occupiedFemale: 2, freeFemale: 0, schoolYears: [{ schoolYear: '2026-2027', admittedFemale: 2, presentFemale: 2 }] });
  });
});

describe('exit and transfer', () => {
  it('records an exit once (the case exits), refuses an exit before the admission', async () => {
    const home = await darTaliba();
    const { person, referral, kase } = await referred(home.id);
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const admission = (await worker.post(`/api/institutions/${home.id}/admissions`, { personId: person.id, referralId: referral.id, admissionDate: '2026-09-14' })).json();
    const early = await worker.post(`/api/admissions/${admission.id}/exit`, { exitDate: '2026-09-01', exitReason: 'family_reintegration' });
    expect(early.json().errors[0]).toMatchObject({ path: 'exitDate' });
    const exit = await worker.post(`/api/admissions/${admission.id}/exit`, { exitDate: '2026-10-01', exitReason: 'family_reintegration', exitDestination: 'Famille, Tiznit' });
    expect(exit.statusCode).toBe(200);
    expect(exit.json()).toMatchObject({ exitDate: '2026-10-01', exitReason: 'family_reintegration' });
    expect((await server.owner<{ stage: string }>('SELECT stage FROM beneficiaries.cases WHERE id = $1', [kase.id]))[0]!.stage).toBe('exited');
    expect((await worker.post(`/api/admissions/${admission.id}/exit`, { exitDate: '2026-10-02', exitReason: 'other' })).statusCode).toBe(409);
    const patched = await worker.patch(`/api/admissions/${admission.id}`, { schoolLevel: '3e année collège' });
    expect(patched.json()).toMatchObject({ schoolLevel: '3e année collège' });
  });

  it('refuses to transfer a minor without consent, then transfers with the legal representative\'s consent', async () => {
    const home = await darTaliba();
    const other = await createInstitution(server, { province: '09.273', legalCategory: 'schooled_children', centreType: 'student_home', sexServed: 'girls' });
    const girl = await createPerson(server, { birthDate: '2012-01-01' });
    const admission = await createAdmission(server, { institutionId: home.id, personId: girl.id, admissionDate: '2026-09-10' });
    const worker = await signedIn(server, { role: 'social_worker', scope: '09.001', language: 'fr' });
    const body = { toInstitutionId: other.id, date: '2026-10-05', reason: 'Rapprochement du domicile familial' };
    const refused = await worker.post(`/api/admissions/${admission.id}/transfer`, { ...body, consentBy: null });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: 'consentBy', message: expect.stringMatching(/consentement/) });
    expect(await server.owner('SELECT 1 FROM beneficiaries.admissions WHERE person_id = $1 AND exit_date IS NOT NULL', [girl.id])).toHaveLength(0);
    const incomplete = await worker.post(`/api/admissions/${admission.id}/transfer`, { ...body, consentBy: 'legal_representative' });
    expect(incomplete.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['consentDate', 'consentName']);
    const done = await worker.post(`/api/admissions/${admission.id}/transfer`, { ...body, consentBy: 'legal_representative', consentName: 'Mohamed Ouali', consentDate: '2026-10-01' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ consentRequired: true, fromAdmission: { exitDate: '2026-10-05', exitReason: 'transfer' } });
    const [next] = await server.owner<{ institution_id: string; transferred_from: string; school_year: string }>(
      'SELECT institution_id, transferred_from, school_year FROM beneficiaries.admissions WHERE id = $1', [done.json().toAdmissionId]);
    expect(next).toEqual({ institution_id: other.id, transferred_from: admission.id, school_year: '2026-2027' });
  });
});

describe('scope', () => {
  it('keeps a sibling delegation out of the register, the waiting list and the writes, but lets it read the counts', async () => {
    const home = await darTaliba();
    const { person, referral } = await referred(home.id);
    const admission = await createAdmission(server, { institutionId: home.id, personId: (await createPerson(server, { birthDate: '2012-01-01' })).id });
    const sibling = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    expect((await sibling.get(`/api/institutions/${home.id}/register`)).statusCode).toBe(404);
    expect((await sibling.get(`/api/institutions/${home.id}/register.pdf?lang=fr&year=2026`)).statusCode).toBe(404);
    expect((await sibling.get(`/api/institutions/${home.id}/waiting-list`)).statusCode).toBe(404);
    expect((await sibling.post(`/api/institutions/${home.id}/admissions`, { personId: person.id, referralId: referral.id, admissionDate: '2026-09-14' })).statusCode).toBe(404);
    expect((await sibling.post(`/api/admissions/${admission.id}/exit`, { exitDate: '2026-10-01', exitReason: 'other' })).statusCode).toBe(404);
    expect((await sibling.patch(`/api/admissions/${admission.id}`, { schoolLevel: 'x' })).statusCode).toBe(404);
    expect((await sibling.post(`/api/admissions/${admission.id}/transfer`, { toInstitutionId: home.id, date: '2026-10-01', reason: 'x', consentBy: null })).statusCode).toBe(404);
    const counts = await sibling.get(`/api/institutions/${home.id}/occupancy`);
    expect(counts.statusCode).toBe(200);
    expect(counts.json()).toMatchObject({ occupiedFemale: 1, waiting: 1 });
    expect(JSON.stringify(counts.json())).not.toContain(person.id);
    const analyst = await signedIn(server, { role: 'central_analyst', scope: 'nation' });
    expect((await analyst.get(`/api/institutions/${home.id}/register`)).statusCode).toBe(403);
  });

  it('shows the occupancy board of the scope with filters', async () => {
    const home = await darTaliba(2);
    await createAdmission(server, { institutionId: home.id, personId: (await createPerson(server, { birthDate: '2012-01-01' })).id });
    const elsewhere = await createInstitution(server, { province: '09.273' });
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const items: { institutionId: string; occupiedFemale: number; freeFemale: number }[] = [];
    let after: string | null = null;
    do {
      const page = (await delegate.get(`/api/occupancy?legalCategory=schooled_children&limit=50${after ? `&after=${after}` : ''}`)).json() as { items: typeof items; nextCursor: string | null };
      items.push(...page.items);
      after = page.nextCursor;
    } while (after);
    expect(items.find((i) => i.institutionId === home.id)).toMatchObject({ occupiedFemale: 1, freeFemale: 1 });
    expect(items.some((i) => i.institutionId === elsewhere.id)).toBe(false);
  });
});

describe('the register PDF', () => {
  it('prints the year\'s register, landscape, pages numbered, in French and Arabic', async () => {
    const home = await darTaliba(300);
    for (let i = 0; i < 40; i += 1) {
      const person = await createPerson(server, { firstNameLat: `Imane${i}`, firstNameAr: 'إيمان', birthDate: '2011-01-01' });
      await createAdmission(server, { institutionId: home.id, personId: person.id, admissionDate: '2026-09-10' });
    }
    const director = await signedIn(server, { role: 'institution_director', scope: { institution: home.id } });
    const fr = await director.get(`/api/institutions/${home.id}/register.pdf?lang=fr&year=2026`);
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('application/pdf');
    const pages = pdfPageRuns(fr.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((runs, i) => expect(runs.join(' ')).toContain(`Page ${i + 1} sur ${pages.length}`));
    const all = pages.map((p) => p.join(' ')).join(' ');
    expect(all).toContain('2026/0001');
    expect(all).toContain('2026/0040');
    expect(all).toContain('Imane39');
    const ar = await director.get(`/api/institutions/${home.id}/register.pdf?lang=ar&year=2026`);
    const arPages = pdfPageRuns(ar.rawPayload);
    expect(arPages[0]!.join(' ')).toContain('المستفيدين');
    expect(arPages[0]!.join(' ')).toContain('إيمان');
  }, 60_000);
});
