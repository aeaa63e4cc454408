import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { todayInMorocco, addDays } from '../../../../platform/deadlines/index.ts';
import { createConvention } from './testing.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const team = [{ name: 'Samira Idrissi', role: 'Inspectrice' }, { name: 'Karim Alaoui', role: 'Comptable' }];
const openCritical = async (associationId: string) =>
  Number((await server.owner<{ n: string }>(`SELECT count(*) AS n FROM subsidies.audit_findings WHERE association_id = $1 AND status = 'open' AND severity = 'critical'`, [associationId]))[0]!.n);
const missionsOf = async (associationId: string) =>
  Number((await server.owner<{ n: string }>('SELECT count(*) AS n FROM subsidies.audit_missions WHERE association_id = $1', [associationId]))[0]!.n);

describe('audit missions', () => {
  it('follows a mission from planning to closure: findings with their amounts, recommendations followed up to closure, in that order only', async () => {
    const fixture = await createConvention(server);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const association = await signedIn(server, { role: 'association_officer', scope: { association: fixture.associationId }, language: 'ar' });

    const created = await delegate.post('/api/subsidies/audits', {
      associationId: fixture.associationId, conventionId: fixture.conventionId, kind: 'planned', startsOn: '2026-03-02', endsOn: '2026-03-06', team,
    });
    expect(created.statusCode, created.body).toBe(200);
    const mission = created.json();
    expect(mission).toMatchObject({ status: 'planned', kind: 'planned', team, findings: [], can: { manage: true } });

    // Findings come from the visit: not before it starts.
    const early = await delegate.post(`/api/subsidies/audits/${mission.id}/findings`, { severity: 'low', description: 'Registre incomplet' });
    expect(early.json()).toMatchObject({ status: 409, code: 'finding_mission_not_running' });
    // One step at a time.
    const skipped = await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'closed' });
    expect(skipped.json()).toMatchObject({ status: 409, code: 'mission_status' });
    expect((await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'in_progress' })).json().status).toBe('in_progress');

    const critical = await delegate.post(`/api/subsidies/audits/${mission.id}/findings`, {
      severity: 'critical', description: 'Dépenses sans pièce justificative', amountInQuestionMad: '48250.75',
    });
    expect(critical.statusCode, critical.body).toBe(200);
    const finding = critical.json().findings[0];
    expect(finding).toMatchObject({ severity: 'critical', amountInQuestionMad: '48250.75', status: 'open' });
    expect(critical.json()).toMatchObject({ openFindings: 1, openCritical: 1 });
    // What the tranches part's condition reads.
    expect(await openCritical(fixture.associationId)).toBe(1);

    const withRecommendation = await delegate.post(`/api/subsidies/audits/findings/${finding.id}/recommendations`, { text: 'Produire les factures ou reverser le montant', dueOn: '2026-06-30' });
    const recommendation = withRecommendation.json().findings[0].recommendations[0];
    expect(recommendation).toMatchObject({ status: 'open', dueOn: '2026-06-30', closedOn: null });

    // The finding stays open while its recommendation is.
    const tooSoon = await delegate.post(`/api/subsidies/audits/findings/${finding.id}/close`);
    expect(tooSoon.json()).toMatchObject({ status: 409, code: 'finding_open_recommendations' });
    expect(await openCritical(fixture.associationId)).toBe(1);

    // The association reports its follow-up, in Arabic; it may not close the recommendation itself.
    const followed = await association.patch(`/api/subsidies/audits/recommendations/${recommendation.id}`, { status: 'in_progress', followUp: 'تم جمع الفواتير' });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json().findings[0].recommendations[0]).toMatchObject({ status: 'in_progress', followUp: 'تم جمع الفواتير' });
    expect((await association.patch(`/api/subsidies/audits/recommendations/${recommendation.id}`, { status: 'done', followUp: 'انتهى' })).statusCode).toBe(403);
    expect((await association.post(`/api/subsidies/audits/findings/${finding.id}/close`)).statusCode).toBe(403);

    const noFollowUp = await delegate.patch(`/api/subsidies/audits/recommendations/${recommendation.id}`, { status: 'done', followUp: '' });
    expect(noFollowUp.statusCode).toBe(400);
    expect(noFollowUp.json().errors).toEqual([{ path: 'followUp', message: expect.stringContaining('suite donnée') }]);
    const done = await delegate.patch(`/api/subsidies/audits/recommendations/${recommendation.id}`, { status: 'done', followUp: 'Factures produites et vérifiées sur place' });
    expect(done.json().findings[0].recommendations[0]).toMatchObject({ status: 'done', closedOn: todayInMorocco() });
    const reopened = await delegate.patch(`/api/subsidies/audits/recommendations/${recommendation.id}`, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 409, code: 'recommendation_closed' });

    // A report needs its summary; a mission closes once its findings are closed.
    const noSummary = await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'reported' });
    expect(noSummary.json()).toMatchObject({ status: 409, code: 'mission_summary_required' });
    expect((await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'reported', summary: 'Une constatation critique, régularisée.' })).json().status).toBe('reported');
    const withOpen = await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'closed' });
    expect(withOpen.json()).toMatchObject({ status: 409, code: 'mission_open_findings' });
    const closedFinding = await delegate.post(`/api/subsidies/audits/findings/${finding.id}/close`);
    expect(closedFinding.json()).toMatchObject({ openFindings: 0, openCritical: 0, findings: [{ status: 'closed', closedOn: todayInMorocco() }] });
    expect(await openCritical(fixture.associationId)).toBe(0);
    const closed = await delegate.patch(`/api/subsidies/audits/${mission.id}`, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', can: { manage: false } });
    const afterClose = await delegate.patch(`/api/subsidies/audits/${mission.id}`, { summary: 'Réécrit' });
    expect(afterClose.json()).toMatchObject({ status: 409, code: 'mission_closed' });

    // Every step is in the audit log.
    const logged = await server.owner<{ n: string }>(`SELECT count(*) AS n FROM audit.log WHERE table_name = 'subsidies.audit_missions' AND record_id = $1`, [mission.id]);
    expect(Number(logged[0]!.n)).toBe(4);
  });

  it('refuses bad missions with field errors and writes nothing', async () => {
    const fixture = await createConvention(server);
    const other = await createConvention(server);
    const inspector = await signedIn(server, { role: 'inspector', scope: '09', language: 'fr' });
    const post = (body: object) => inspector.post('/api/subsidies/audits', body);
    const base = { associationId: fixture.associationId, kind: 'planned', startsOn: '2026-03-02', endsOn: '2026-03-06', team };

    const backwards = await post({ ...base, endsOn: '2026-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ path: 'endsOn', message: 'La date de fin précède la date de début.' }]);
    const noTeam = await post({ ...base, team: [] });
    expect(noTeam.json().errors.map((e: { path: string }) => e.path)).toEqual(['team']);
    const wrongKind = await post({ ...base, kind: 'surprise' });
    expect(wrongKind.statusCode).toBe(400);
    const foreignConvention = await post({ ...base, conventionId: other.conventionId });
    expect(foreignConvention.json()).toMatchObject({ status: 409, code: 'mission_convention_foreign' });
    expect(await missionsOf(fixture.associationId)).toBe(0);

    const mission = (await post(base)).json();
    await inspector.patch(`/api/subsidies/audits/${mission.id}`, { status: 'in_progress' });
    const badAmount = await inspector.post(`/api/subsidies/audits/${mission.id}/findings`, { severity: 'high', description: 'Écart de caisse', amountInQuestionMad: '-5' });
    expect(badAmount.statusCode).toBe(400);
    const badSeverity = await inspector.post(`/api/subsidies/audits/${mission.id}/findings`, { severity: 'grave', description: 'Écart de caisse' });
    expect(badSeverity.statusCode).toBe(400);
    expect((await inspector.get(`/api/subsidies/audits/${mission.id}`)).json().findings).toEqual([]);
  });

  it('lets auditors run missions, hides an unannounced one from the association until it starts, and answers 404 out of scope', async () => {
    const fixture = await createConvention(server);
    const delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001' });
    const elsewhere = await signedIn(server, { role: 'provincial_delegate', scope: '09.273' });
    const association = await signedIn(server, { role: 'association_officer', scope: { association: fixture.associationId } });
    const analyst = await signedIn(server, { role: 'central_analyst' });
    const tomorrow = addDays(todayInMorocco(), 1);
    const body = { associationId: fixture.associationId, kind: 'unannounced', startsOn: tomorrow, endsOn: addDays(tomorrow, 2), team };

    expect((await association.post('/api/subsidies/audits', body)).statusCode).toBe(403);
    expect((await analyst.post('/api/subsidies/audits', body)).statusCode).toBe(403);
    // Out of the delegation's scope, the association does not exist for it.
    const outside = await elsewhere.post('/api/subsidies/audits', body);
    expect(outside.statusCode).toBe(400);
    expect(await missionsOf(fixture.associationId)).toBe(0);

    const surprise = (await delegate.post('/api/subsidies/audits', body)).json();
    expect((await association.get(`/api/subsidies/audits/${surprise.id}`)).statusCode).toBe(404);
    expect((await association.get('/api/subsidies/audits')).json().items).toEqual([]);
    expect((await analyst.get(`/api/subsidies/audits/${surprise.id}`)).statusCode).toBe(200);
    expect((await elsewhere.get(`/api/subsidies/audits/${surprise.id}`)).statusCode).toBe(404);
    expect((await elsewhere.patch(`/api/subsidies/audits/${surprise.id}`, { status: 'in_progress' })).statusCode).toBe(404);

    // On its first day the association sees it.
    await server.owner('UPDATE subsidies.audit_missions SET starts_on = $2 WHERE id = $1', [surprise.id, todayInMorocco()]);
    expect((await association.get(`/api/subsidies/audits/${surprise.id}`)).json()).toMatchObject({ kind: 'unannounced', can: { manage: false, followUp: true } });
  });
});
