/**
 * Test data of the dashboard part: conventions, tranches, disbursements and reviews written as the
 * tables' owner (what the conventions, tranches and audits parts' services write), so that the
 * dashboard's figures are checked against rows whose sums the test knows.
 */
import type { TestServer } from '../../../../server/testing/harness.ts';

export interface ConventionSpec {
  associationId: string;
  owner: 'delegation' | 'region' | 'central';
  /** Region code ('09') and delegation code ('09.001') of the owner. */
  region?: string;
  delegation?: string;
  status?: 'draft' | 'approved' | 'signed' | 'closed' | 'cancelled';
  startsOn?: string;
  endsOn?: string;
}

export async function createConvention(server: TestServer, spec: ConventionSpec): Promise<string> {
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, region_id, delegation_id)
     VALUES ($1, $2, 'اتفاقية تجريبية', 'Convention de test', $3, $4, 1000000.00,
       (SELECT id FROM territory.regions WHERE code = $5), (SELECT id FROM organisation.delegations WHERE code = $6)) RETURNING id`,
    [spec.owner, spec.associationId, spec.startsOn ?? '2023-01-01', spec.endsOn ?? '2030-12-31', spec.region ?? null, spec.delegation ?? null],
  );
  const id = row!.id;
  // Entraide Nationale's amount for every year of the period (the tranches part keeps each year's tranches within it).
  await server.owner(
    `WITH p AS (INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr) VALUES ($1, 'entraide_nationale', 'التعاون الوطني', 'Entraide Nationale') RETURNING id)
     INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad)
     SELECT $1, p.id, y, 1000000.00 FROM p, generate_series(extract(year FROM $2::date)::int, extract(year FROM $3::date)::int) y`,
    [id, spec.startsOn ?? '2023-01-01', spec.endsOn ?? '2030-12-31']);
  const status = spec.status ?? 'signed';
  if (status === 'draft') return id;
  // The order the conventions part enforces: an approved submission, then approved, then signed (or closed, cancelled).
  await server.owner(
    `INSERT INTO approvals.submissions (subject_type, subject_id, chain, level_index, state, label_ar, label_fr, link)
     VALUES ($2, $1::uuid, $3, 1, 'approved', 'اتفاقية', 'Convention', '/subsidies/conventions/' || $1::text)`,
    [id, spec.owner === 'delegation' ? 'subsidy_convention' : 'subsidy_convention_region', spec.owner === 'delegation' ? ['delegation', 'region'] : ['region', 'central']]);
  await server.owner(`UPDATE subsidies.conventions SET status = 'approved' WHERE id = $1`, [id]);
  if (status === 'approved') return id;
  if (status === 'cancelled') {
    await server.owner(`UPDATE subsidies.conventions SET status = 'cancelled', end_reason = 'Résiliée pour le test' WHERE id = $1`, [id]);
    return id;
  }
  await server.owner(`UPDATE subsidies.conventions SET status = 'signed', signed_on = starts_on WHERE id = $1`, [id]);
  if (status === 'closed') await server.owner(`UPDATE subsidies.conventions SET status = 'closed' WHERE id = $1`, [id]);
  return id;
}

export interface TrancheSpec {
  plannedOn: string;
  amount: string;
  status?: 'planned' | 'released' | 'paid' | 'cancelled';
  conditionsMetOn?: string;
  /** The release day; the first payment's (or the planned date) unless given. */
  releasedOn?: string;
  /** Disbursements: [date, amount]. */
  payments?: [string, string][];
  /** An accepted review: [state, accepted amount]. */
  review?: ['justified' | 'partly_justified' | 'rejected', string];
}

let position = 0;

export async function createTranche(server: TestServer, conventionId: string, spec: TrancheSpec): Promise<string> {
  const payments = spec.payments ?? [];
  const status = spec.status ?? (payments.length ? 'released' : 'planned');
  const releasedOn = status === 'planned' || status === 'cancelled' ? null : (spec.releasedOn ?? payments[0]?.[0] ?? spec.plannedOn);
  position = (position % 24) + 1;
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad, status, conditions_met_on, released_on)
     VALUES ($1, extract(year FROM $2::date), $3, $2, $4, $5, $6, $7) RETURNING id`,
    [conventionId, spec.plannedOn, position, spec.amount, status === 'paid' ? 'released' : status, spec.conditionsMetOn ?? null, releasedOn],
  );
  const id = row!.id;
  for (const [paidOn, amount] of payments) await addDisbursement(server, id, paidOn, amount);
  if (spec.review) {
    await server.owner(
      `INSERT INTO subsidies.justifications (tranche_id, submitted_on, state, accepted_mad, review_reason, reviewed_on)
       VALUES ($1, $2, $3, $4, $5, $2)`,
      [id, spec.plannedOn, spec.review[0], spec.review[1], spec.review[0] === 'justified' ? null : 'Pièces manquantes'],
    );
  }
  return id;
}

export async function addDisbursement(server: TestServer, trancheId: string, paidOn: string, amount: string): Promise<void> {
  await server.owner(
    // The association's own RIB, as the tranches part requires.
    `INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
     SELECT t.id, 'OP-1', 'VIR-1', $2, $3, a.rib FROM subsidies.tranches t JOIN registry.associations a ON a.id = t.association_id WHERE t.id = $1`,
    [trancheId, paidOn, amount],
  );
  // The tranches part marks the tranche paid when a disbursement completes it; without that part, this does.
  await server.owner(
    `UPDATE subsidies.tranches t SET status = 'paid', paid_on = (SELECT max(d.paid_on) FROM subsidies.disbursements d WHERE d.tranche_id = t.id)
     WHERE t.id = $1 AND t.status = 'released' AND subsidies.paid_mad(t.id) = t.amount_mad`, [trancheId]);
}
