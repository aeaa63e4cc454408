/**
 * Test data of the tranches part: a convention (direct inserts as the tables' owner, the way the
 * registry's factories work) with Entraide Nationale's yearly amounts and, when asked, covered
 * institutions. Stands in for the conventions part's service until it is merged; only what a test
 * names is fixed.
 */
import type { TestServer } from '../../../../../server/testing/harness.ts';
import { createAssociation, createInstitution } from '../../../../registry/testing/factories.ts';

export interface ConventionSpec {
  /** Province (= delegation code) of the association's seat; '09.001' (Agadir) by default. */
  province?: string;
  associationId?: string;
  startsOn?: string;
  endsOn?: string;
  status?: 'draft' | 'approved' | 'signed' | 'closed' | 'cancelled';
  /** Entraide Nationale's amount per year, e.g. { 2026: '120000.00' }. */
  yearly?: Record<number, string>;
  /** How many institutions of the association the convention covers. */
  institutions?: number;
}

export interface TestConvention {
  id: string;
  associationId: string;
  rib: string;
  institutionIds: string[];
}

export async function createConvention(server: TestServer, spec: ConventionSpec = {}): Promise<TestConvention> {
  const province = spec.province ?? '09.001';
  const associationId = spec.associationId ?? (await createAssociation(server, { province })).id;
  const startsOn = spec.startsOn ?? '2025-01-01';
  const endsOn = spec.endsOn ?? '2027-12-31';
  const yearly = spec.yearly ?? { 2025: '100000.00', 2026: '100000.00', 2027: '100000.00' };
  const total = Object.values(yearly).reduce((sum, v) => sum + BigInt(v.replace('.', '')), 0n);
  const [a] = await server.owner<{ rib: string; region_id: string; delegation_id: string }>(
    'SELECT rib, region_id, delegation_id FROM registry.associations WHERE id = $1', [associationId]);
  // Inserted in its final status as the owner: the lifecycle trigger (0131) checks status changes,
  // and a test convention has no approval to go through.
  const status = spec.status ?? 'signed';
  const [c] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, region_id, delegation_id, status, signed_on,
       ended_on, end_reason)
     VALUES ('delegation', $1, 'دعم تسيير المؤسسة', 'Soutien au fonctionnement', $2, $3, $4, $5, $6, $7, CASE WHEN $7 IN ('signed', 'closed') THEN $2::date END,
       CASE WHEN $7 IN ('closed', 'cancelled') THEN current_date END, CASE WHEN $7 = 'cancelled' THEN 'Résiliée pour le test' END) RETURNING id`,
    [associationId, startsOn, endsOn, `${total / 100n}.${String(total % 100n).padStart(2, '0')}`, a!.region_id, a!.delegation_id, status]);
  const id = c!.id;
  const [p] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr)
     VALUES ($1, 'entraide_nationale', 'التعاون الوطني', 'Entraide Nationale') RETURNING id`, [id]);
  for (const [year, amount] of Object.entries(yearly)) {
    await server.owner('INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad) VALUES ($1, $2, $3, $4)', [id, p!.id, Number(year), amount]);
  }
  const institutionIds: string[] = [];
  for (let i = 0; i < (spec.institutions ?? 0); i++) {
    const institution = await createInstitution(server, { associationId, province });
    await server.owner('INSERT INTO subsidies.convention_institutions (convention_id, institution_id) VALUES ($1, $2)', [id, institution.id]);
    institutionIds.push(institution.id);
  }
  return { id, associationId, rib: a!.rib, institutionIds };
}

/** Sets the association's board as the board_mandate_valid condition reads it. */
export async function setBoard(server: TestServer, associationId: string, spec: { renewalOn: string | null; presidentUntil?: string }): Promise<void> {
  await server.owner('UPDATE registry.associations SET board_renewal_date = $2 WHERE id = $1', [associationId, spec.renewalOn]);
  if (spec.presidentUntil) {
    await server.owner(
      `INSERT INTO registry.board_members (association_id, full_name_fr, role, mandate_start, mandate_end)
       VALUES ($1, 'Président de test', 'president', '2020-01-01', $2)`, [associationId, spec.presidentUntil]);
  }
}

/** An open critical finding on the association (audit mission made as the owner). */
export async function createCriticalFinding(server: TestServer, associationId: string): Promise<string> {
  const [m] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.audit_missions (association_id, kind, starts_on, ends_on) VALUES ($1, 'unannounced', '2025-03-01', '2025-03-05') RETURNING id`, [associationId]);
  // Findings are recorded while the mission is under way (0136).
  await server.owner(`UPDATE subsidies.audit_missions SET status = 'in_progress' WHERE id = $1`, [m!.id]);
  const [f] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.audit_findings (mission_id, severity, description, amount_in_question_mad) VALUES ($1, 'critical', 'Dépenses sans pièces', '12000.00') RETURNING id`, [m!.id]);
  return f!.id;
}

/** A justification of a tranche accepted by the delegation for this amount. */
export async function acceptJustification(server: TestServer, trancheId: string, amount: string): Promise<void> {
  await server.owner(
    `INSERT INTO subsidies.justifications (tranche_id, submitted_on, state, accepted_mad, reviewed_on)
     VALUES ($1, '2025-06-01', 'justified', $2, '2025-06-10')`, [trancheId, amount]);
}
