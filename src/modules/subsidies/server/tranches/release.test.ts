/**
 * Planning and release of tranches: the period and the year's amount, the conditions evaluated from
 * the data, the database refusing a release while a blocking condition is unmet (as the
 * application role, not only through the API) and the override by an authorised role with a
 * written reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolePermissions, roles } from '../../../access/permissions.ts';
import { signedIn, startTestServer, type Session, type TestServer } from '../../../../server/testing/harness.ts';
import { sqlAs, type SqlAs } from '../../../../server/testing/sql-as.ts';
import type { Tranche } from '../../contract/tranches.ts';
import { acceptJustification, createConvention, createCriticalFinding, setBoard } from './testing/factories.ts';

let server: TestServer;
let delegate: Session & { id: string };
let coordinator: Session & { id: string };
let db: SqlAs;
const year = new Date().getUTCFullYear();
const span = { startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31`, yearly: { [year - 1]: '100000.00', [year]: '100000.00', [year + 1]: '100000.00' } };

beforeAll(async () => {
  server = await startTestServer();
  delegate = await signedIn(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
  coordinator = await signedIn(server, { role: 'regional_coordinator', scope: '09', language: 'fr' });
  db = await sqlAs(server);
});
afterAll(async () => {
  await db.end();
  await server.close();
});

const plan = async (conventionId: string, body: object) => delegate.post(`/api/subsidies/conventions/${conventionId}/tranches`, body);
const conditionOf = (t: Tranche, code: string) => t.conditions.find((c) => c.code === code)!;

describe('planning', () => {
  it('plans a tranche inside the period with every active condition; refuses a date outside it or beyond the year amount, storing nothing', async () => {
    const c = await createConvention(server, span);
    const first = await plan(c.id, { plannedOn: `${year}-03-01`, amountMad: '60000' });
    expect(first.statusCode).toBe(200);
    const tranche = first.json() as Tranche;
    expect(tranche).toMatchObject({ year, position: 1, amountMad: '60000.00', status: 'planned', paidMad: '0.00', remainingMad: '60000.00' });
    expect(tranche.conditions.map((x) => x.code)).toEqual(['previous_tranche_justified', 'activity_report_received', 'financial_report_received',
      'no_open_critical_finding', 'budget_approved', 'board_mandate_valid']);

    const outside = await plan(c.id, { plannedOn: `${year + 2}-01-15`, amountMad: '1000' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ path: 'plannedOn', message: 'La date doit être comprise dans la période de la convention.' }]);

    const over = await plan(c.id, { plannedOn: `${year}-09-01`, amountMad: '40000.01' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'tranches_exceed_year', title: "Montant de l'année dépassé" });

    const bad = await plan(c.id, { plannedOn: `${year}-09-01`, amountMad: '12.345' });
    expect(bad.statusCode).toBe(400);
    const rows = await server.owner('SELECT id FROM subsidies.tranches WHERE convention_id = $1', [c.id]);
    expect(rows).toHaveLength(1);

    const second = await plan(c.id, { plannedOn: `${year}-09-01`, amountMad: '40000.00' });
    expect(second.json()).toMatchObject({ position: 2, amountMad: '40000.00' });
  });

  it('moves or resizes a planned tranche within the same rules, deletes or cancels it before any payment, never after release', async () => {
    const c = await createConvention(server, span);
    const a = (await plan(c.id, { plannedOn: `${year}-03-01`, amountMad: '50000', conditions: [] })).json() as Tranche;
    const b = (await plan(c.id, { plannedOn: `${year}-06-01`, amountMad: '30000', conditions: [] })).json() as Tranche;
    const moved = await delegate.patch(`/api/subsidies/tranches/${a.id}`, { plannedOn: `${year}-04-15`, amountMad: '70000' });
    expect(moved.json()).toMatchObject({ plannedOn: `${year}-04-15`, amountMad: '70000.00' });
    expect((await delegate.patch(`/api/subsidies/tranches/${a.id}`, { plannedOn: `${year}-04-15`, amountMad: '70000.01' })).json().code).toBe('tranches_exceed_year');
    expect((await delegate.patch(`/api/subsidies/tranches/${a.id}`, { plannedOn: `${year + 5}-04-15`, amountMad: '100' })).statusCode).toBe(400);

    expect((await delegate.delete(`/api/subsidies/tranches/${b.id}`)).statusCode).toBe(204);
    expect((await delegate.get(`/api/subsidies/tranches/${b.id}`)).statusCode).toBe(404);

    expect((await delegate.post(`/api/subsidies/tranches/${a.id}/release`, {})).statusCode).toBe(200);
    expect((await delegate.patch(`/api/subsidies/tranches/${a.id}`, { plannedOn: `${year}-05-01`, amountMad: '100' })).json().code).toBe('tranche_not_planned');
    expect((await delegate.delete(`/api/subsidies/tranches/${a.id}`)).json().code).toBe('tranche_not_planned');
    const cancelled = await delegate.post(`/api/subsidies/tranches/${a.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    // A cancelled tranche frees the year's amount.
    expect((await plan(c.id, { plannedOn: `${year}-09-01`, amountMad: '100000', conditions: [] })).statusCode).toBe(200);
    expect((await delegate.post(`/api/subsidies/tranches/${a.id}/release`, {})).json().code).toBe('tranche_not_planned');
  });

  it('does not let a user plan on a convention outside its scope (404)', async () => {
    const c = await createConvention(server, { ...span, province: '09.273' });
    expect((await plan(c.id, { plannedOn: `${year}-03-01`, amountMad: '1000' })).statusCode).toBe(404);
  });
});

describe('conditions evaluated from the data', () => {
  it('reads the findings, the previous tranche, the budget, the report and the board, and leaves what it cannot know to a hand confirmation', async () => {
    const c = await createConvention(server, { ...span, institutions: 1 });
    const findingId = await createCriticalFinding(server, c.associationId);
    const first = (await plan(c.id, { plannedOn: `${year}-02-01`, amountMad: '50000' })).json() as Tranche;
    expect(conditionOf(first, 'no_open_critical_finding')).toMatchObject({ autoMet: false, met: false, blocking: true });
    expect(conditionOf(first, 'previous_tranche_justified')).toMatchObject({ autoMet: true, met: true });
    expect(conditionOf(first, 'budget_approved')).toMatchObject({ autoMet: false });
    expect(conditionOf(first, 'financial_report_received')).toMatchObject({ autoMet: false });
    expect(conditionOf(first, 'board_mandate_valid')).toMatchObject({ autoMet: null, met: false });
    expect(conditionOf(first, 'activity_report_received')).toMatchObject({ evaluation: 'manual', autoMet: null, met: false });
    expect(first.blocked).toBe(true);

    await server.owner("UPDATE subsidies.audit_findings SET status = 'closed', closed_on = current_date WHERE id = $1", [findingId]);
    await setBoard(server, c.associationId, { renewalOn: `${year - 1}-06-30` });
    let now = (await delegate.get(`/api/subsidies/tranches/${first.id}`)).json() as Tranche;
    expect(conditionOf(now, 'no_open_critical_finding').met).toBe(true);
    expect(conditionOf(now, 'board_mandate_valid')).toMatchObject({ autoMet: false });
    await setBoard(server, c.associationId, { renewalOn: `${year + 2}-06-30`, presidentUntil: `${year + 2}-06-30` });
    now = (await delegate.get(`/api/subsidies/tranches/${first.id}`)).json() as Tranche;
    expect(conditionOf(now, 'board_mandate_valid')).toMatchObject({ autoMet: true, met: true });

    // The budget of the tranche's year, approved through the approval workflow's submission.
    const [budget] = await server.owner<{ id: string }>(
      'INSERT INTO finance.budgets (institution_id, year) VALUES ($1, $2) RETURNING id', [c.institutionIds[0], year]);
    await server.owner(
      `INSERT INTO approvals.submissions (subject_type, subject_id, chain, level_index, state, label_ar, label_fr, link)
       VALUES ('institution_budget', $1, ARRAY['institution', 'association', 'delegation'], 2, 'approved', 'ميزانية', 'Budget', '/finance/budgets')`, [budget!.id]);
    now = (await delegate.get(`/api/subsidies/tranches/${first.id}`)).json() as Tranche;
    expect(conditionOf(now, 'budget_approved').met).toBe(true);

    // The second tranche waits for the first to be justified in full.
    const second = (await plan(c.id, { plannedOn: `${year}-08-01`, amountMad: '50000' })).json() as Tranche;
    expect(conditionOf(second, 'previous_tranche_justified').met).toBe(false);
    await acceptJustification(server, first.id, '49999.99');
    expect(conditionOf((await delegate.get(`/api/subsidies/tranches/${second.id}`)).json() as Tranche, 'previous_tranche_justified').met).toBe(false);
    await acceptJustification(server, first.id, '0.01');
    expect(conditionOf((await delegate.get(`/api/subsidies/tranches/${second.id}`)).json() as Tranche, 'previous_tranche_justified').met).toBe(true);
  });

  it('records who confirmed a manual condition and when, and refuses a hand confirmation of what the data decides', async () => {
    const c = await createConvention(server, span);
    const t = (await plan(c.id, { plannedOn: `${year}-04-01`, amountMad: '1000', conditions: [{ code: 'activity_report_received', blocking: true }, { code: 'no_open_critical_finding', blocking: true }] })).json() as Tranche;
    expect(t.conditionsMetOn).toBeNull();
    const confirmed = await delegate.post(`/api/subsidies/tranches/${t.id}/conditions/activity_report_received`, { confirmed: true, note: 'Rapport reçu le 3' });
    expect(confirmed.statusCode).toBe(200);
    const after = confirmed.json() as Tranche;
    expect(conditionOf(after, 'activity_report_received')).toMatchObject({ confirmed: true, met: true, note: 'Rapport reçu le 3', confirmedBy: { nameFr: 'Utilisateur de test' } });
    expect(conditionOf(after, 'activity_report_received').confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const [row] = await server.owner<{ confirmed_by: string }>('SELECT confirmed_by FROM subsidies.tranche_conditions WHERE tranche_id = $1 AND condition_code = $2', [t.id, 'activity_report_received']);
    expect(row!.confirmed_by).toBe(delegate.id);
    // Every blocking condition now met: the day is recorded, once.
    expect(after.conditionsMetOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.blocked).toBe(false);

    const auto = await delegate.post(`/api/subsidies/tranches/${t.id}/conditions/no_open_critical_finding`, { confirmed: true });
    expect(auto.statusCode).toBe(409);
    expect(auto.json().code).toBe('condition_evaluated');
  });

  it('records the day the blocking conditions are first found met, and never moves it', async () => {
    const c = await createConvention(server, span);
    const findingId = await createCriticalFinding(server, c.associationId);
    const t = (await plan(c.id, { plannedOn: `${year}-07-01`, amountMad: '1000', conditions: [{ code: 'no_open_critical_finding', blocking: true }] })).json() as Tranche;
    expect(t.conditionsMetOn).toBeNull();
    await server.owner("UPDATE subsidies.audit_findings SET status = 'closed', closed_on = current_date WHERE id = $1", [findingId]);
    const met = (await delegate.get(`/api/subsidies/tranches/${t.id}`)).json() as Tranche;
    const [today] = await server.owner<{ d: string }>("SELECT to_char(subsidies.today(), 'YYYY-MM-DD') AS d");
    expect(met.conditionsMetOn).toBe(today!.d);
    await expect(db.query(delegate.id, "UPDATE subsidies.tranches SET conditions_met_on = '2000-01-01' WHERE id = $1", [t.id]))
      .rejects.toMatchObject({ code: 'RA409' });
  });
});

describe('release', () => {
  async function blockedTranche() {
    const c = await createConvention(server, span);
    await createCriticalFinding(server, c.associationId);
    const t = (await plan(c.id, { plannedOn: `${year}-05-01`, amountMad: '25000', conditions: [{ code: 'no_open_critical_finding', blocking: true }] })).json() as Tranche;
    expect(t.blocked).toBe(true);
    return t;
  }

  it('is refused by the database, as the application role, while a blocking condition is unmet', async () => {
    const t = await blockedTranche();
    for (const user of [delegate.id, coordinator.id]) {
      await expect(db.query(user, "UPDATE subsidies.tranches SET status = 'released' WHERE id = $1", [t.id]))
        .rejects.toMatchObject({ code: 'RA409', hint: 'subsidies.errors.tranche_blocked' });
    }
    // A delegate's reason does not make an override: the role may not.
    await expect(db.query(delegate.id, "UPDATE subsidies.tranches SET status = 'released', override_reason = 'Urgence sociale avérée', overridden_by = $2 WHERE id = $1", [t.id, delegate.id]))
      .rejects.toMatchObject({ code: 'RA409', hint: 'subsidies.errors.override_not_allowed' });
    // Nor can anyone write "released on" or "paid" by hand.
    await expect(db.query(coordinator.id, "UPDATE subsidies.tranches SET status = 'paid', released_on = current_date, paid_on = current_date WHERE id = $1", [t.id]))
      .rejects.toMatchObject({ code: 'RA409' });
    const [row] = await server.owner<{ status: string }>('SELECT status FROM subsidies.tranches WHERE id = $1', [t.id]);
    expect(row!.status).toBe('planned');
  });

  it('answers 409 in the user\'s language through the API, and lets the regional coordinator override with a written reason', async () => {
    const t = await blockedTranche();
    const refused = await delegate.post(`/api/subsidies/tranches/${t.id}/release`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'tranche_blocked', title: 'Tranche bloquée' });

    const notAllowed = await delegate.post(`/api/subsidies/tranches/${t.id}/release`, { overrideReason: 'Les enfants doivent manger ce mois-ci' });
    expect(notAllowed.statusCode).toBe(409);
    expect(notAllowed.json().code).toBe('override_not_allowed');

    const short = await coordinator.post(`/api/subsidies/tranches/${t.id}/release`, { overrideReason: 'urgent' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('overrideReason');

    const overridden = await coordinator.post(`/api/subsidies/tranches/${t.id}/release`, { overrideReason: 'Constatation en cours de levée ; fermeture du centre sinon' });
    expect(overridden.statusCode).toBe(200);
    const released = overridden.json() as Tranche;
    expect(released).toMatchObject({ status: 'released', overrideReason: 'Constatation en cours de levée ; fermeture du centre sinon', conditionsMetOn: null });
    expect(released.overriddenBy).toEqual({ nameAr: 'مستخدم تجريبي', nameFr: 'Utilisateur de test' });
    const [row] = await server.owner<{ overridden_by: string; released_by: string; released_on: string }>(
      "SELECT overridden_by, released_by, to_char(released_on, 'YYYY-MM-DD') AS released_on FROM subsidies.tranches WHERE id = $1", [t.id]);
    expect(row).toMatchObject({ overridden_by: coordinator.id, released_by: coordinator.id });
    // The delegate sees who overrode (an account outside its scope) by name.
    const seen = (await delegate.get(`/api/subsidies/tranches/${t.id}`)).json() as Tranche;
    expect(seen.overriddenBy?.nameFr).toBe('Utilisateur de test');
    // Audited like every write.
    const audit = await server.owner<{ actor_id: string; reason: string }>(
      "SELECT actor_id, after->>'override_reason' AS reason FROM audit.log WHERE table_name LIKE '%tranches' AND record_id = $1 AND action = 'update'", [t.id]);
    expect(audit).toContainEqual({ actor_id: coordinator.id, reason: 'Constatation en cours de levée ; fermeture du centre sinon' });
  });

  it('releases without override once the blocking conditions are met, and keeps no reason given for nothing', async () => {
    const c = await createConvention(server, span);
    const t = (await plan(c.id, { plannedOn: `${year}-06-01`, amountMad: '1000', conditions: [{ code: 'no_open_critical_finding', blocking: true }, { code: 'activity_report_received', blocking: false }] })).json() as Tranche;
    expect(t.blocked).toBe(false);
    const released = await delegate.post(`/api/subsidies/tranches/${t.id}/release`, { overrideReason: 'pas nécessaire en fait' });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', overrideReason: null, overriddenBy: null, releasedBy: { nameFr: 'Utilisateur de test' } });
    expect((released.json() as Tranche).conditionsMetOn).toBe(t.conditionsMetOn);
    expect((await delegate.post(`/api/subsidies/tranches/${t.id}/release`, {})).json().code).toBe('tranche_not_planned');
    expect((await delegate.post(`/api/subsidies/tranches/${t.id}/conditions/activity_report_received`, { confirmed: true })).statusCode).toBe(409);
  });

  it('is refused on a convention that is not signed', async () => {
    const c = await createConvention(server, { ...span, status: 'approved' });
    const t = (await plan(c.id, { plannedOn: `${year}-06-01`, amountMad: '1000', conditions: [] })).json() as Tranche;
    const refused = await delegate.post(`/api/subsidies/tranches/${t.id}/release`, {});
    expect(refused.json()).toMatchObject({ status: 409, code: 'convention_not_signed' });
  });

  it('is overridden only by the roles that hold subsidies.override (the database list mirrors the permissions)', async () => {
    const [row] = await server.owner<{ roles: string[] }>('SELECT subsidies.override_roles() AS roles');
    const holders = roles.filter((r) => (rolePermissions[r] as readonly string[]).includes('subsidies.override'));
    expect([...row!.roles].sort()).toEqual([...holders].sort());
  });
});
