/**
 * Small test factories for the audits part: a signed convention covering institutions, a released
 * tranche with its disbursement, and ledger payments. Rows are written directly as the tables'
 * owner (setup only); what the tests exercise goes through the API.
 */
import type { TestServer } from '../../../../server/testing/harness.ts';
import { createInstitution } from '../../../registry/testing/factories.ts';

export interface ConventionFixture {
  conventionId: string;
  associationId: string;
  institutionIds: string[];
}

export interface ConventionSpec {
  province?: string;
  /** New institutions of a new association (default 1), unless `existing` names them. */
  institutions?: number;
  existing?: { associationId: string; institutionIds: string[] };
  totalMad?: string;
}

/** A signed delegation convention: of a new association in `province` covering new institutions, or of existing ones. */
export async function createConvention(server: TestServer, spec: ConventionSpec = {}): Promise<ConventionFixture> {
  let first = spec.existing && { associationId: spec.existing.associationId };
  const institutionIds = [...(spec.existing?.institutionIds ?? [])];
  if (!first) {
    const made = await createInstitution(server, { province: spec.province ?? '09.001' });
    first = made;
    institutionIds.push(made.id);
    for (let i = 1; i < (spec.institutions ?? 1); i++) institutionIds.push((await createInstitution(server, { associationId: made.associationId, communeId: made.communeId })).id);
  }
  const [convention] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.conventions (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, status, signed_on, region_id, delegation_id)
     SELECT 'delegation', a.id, 'تسيير المؤسسة', 'Fonctionnement de l''établissement', '2025-01-01', '2027-12-31', $2, 'signed', '2025-01-10', a.region_id, a.delegation_id
     FROM registry.associations a WHERE a.id = $1 RETURNING id`,
    [first.associationId, spec.totalMad ?? '300000.00'],
  );
  for (const institutionId of institutionIds) {
    await server.owner('INSERT INTO subsidies.convention_institutions (convention_id, institution_id) VALUES ($1, $2)', [convention!.id, institutionId]);
  }
  // Entraide Nationale's yearly amounts bound the tranches of each year (tranches part): room for any test.
  const [partner] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.convention_partners (convention_id, kind, name_ar, name_fr) VALUES ($1, 'entraide_nationale', 'التعاون الوطني', 'Entraide Nationale') RETURNING id`,
    [convention!.id],
  );
  await server.owner(
    `INSERT INTO subsidies.convention_amounts (convention_id, partner_id, year, amount_mad) SELECT $1, $2, y, $3 FROM generate_series(2025, 2027) AS y`,
    [convention!.id, partner!.id, spec.totalMad ?? '300000.00'],
  );
  return { conventionId: convention!.id, associationId: first.associationId, institutionIds };
}

/**
 * A tranche (planned in 2025), released today and paid `paidMad` today (nothing when '0') to the
 * association's RIB: the tranches part dates a release and bounds a payment by the day itself.
 */
export async function createPaidTranche(server: TestServer, conventionId: string, spec: { year?: number; position?: number; amountMad?: string; paidMad?: string } = {}): Promise<string> {
  const amount = spec.amountMad ?? '100000.00';
  const paid = spec.paidMad ?? amount;
  const [tranche] = await server.owner<{ id: string }>(
    `INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad) VALUES ($1, $2, $3, make_date($2, 3, 1), $4) RETURNING id`,
    [conventionId, spec.year ?? 2025, spec.position ?? 1, amount],
  );
  const id = tranche!.id;
  await server.owner(`UPDATE subsidies.tranches SET status = 'released', released_on = (now() AT TIME ZONE 'Africa/Casablanca')::date WHERE id = $1`, [id]);
  if (paid !== '0') {
    await server.owner(
      `INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
       SELECT t.id, 'OP-' || left(t.id::text, 8), 'VIR-' || left(t.id::text, 8), (now() AT TIME ZONE 'Africa/Casablanca')::date, $2, a.rib
       FROM subsidies.tranches t JOIN subsidies.conventions c ON c.id = t.convention_id JOIN registry.associations a ON a.id = c.association_id
       WHERE t.id = $1`,
      [id, paid],
    );
  }
  return id;
}

/**
 * A line of the national chart of the given kind that takes entries in 2025 (the first by position);
 * on a chart still empty, a line made for the tests.
 */
export async function ledgerLine(server: TestServer, kind: 'revenue' | 'expenditure'): Promise<string> {
  const [line] = await server.owner<{ code: string }>(
    `SELECT code FROM finance.budget_lines l WHERE kind = $1 AND (kind = 'revenue' OR section = 'operating')
       AND NOT EXISTS (SELECT 1 FROM finance.budget_lines c WHERE c.parent_code = l.code) ORDER BY position, code LIMIT 1`,
    [kind],
  );
  if (line) return line.code;
  const code = `test_audits_${kind}`;
  await server.owner(
    `INSERT INTO finance.budget_lines (code, kind, section, name_ar, name_fr) VALUES ($1, $2, $3, 'بند اختبار', 'Ligne de test') ON CONFLICT (code) DO NOTHING`,
    [code, kind, kind === 'expenditure' ? 'operating' : null],
  );
  return code;
}

/** An entry of the institution's cash journal, a payment unless said (the cash account is made once). */
export async function createPayment(server: TestServer, institutionId: string, amountMad: string, entryDate = '2025-04-15', direction: 'payment' | 'receipt' = 'payment'): Promise<string> {
  const line = await ledgerLine(server, direction === 'payment' ? 'expenditure' : 'revenue');
  await server.owner(
    `INSERT INTO finance.accounts (institution_id, kind, opening_date) VALUES ($1, 'cash', '2025-01-01') ON CONFLICT (institution_id, kind) DO NOTHING`,
    [institutionId],
  );
  const [entry] = await server.owner<{ id: string }>(
    `INSERT INTO finance.entries (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means, reference, description, donor_type)
     SELECT $1, 'cash', a.id, $2, $5, $3, $4, 'Épicerie du quartier', 'cash', 'FAC-' || substr(md5(random()::text), 1, 6), 'Achat de denrées',
            CASE WHEN l.is_grant THEN 'state' END
     FROM finance.accounts a, finance.budget_lines l WHERE a.institution_id = $1 AND a.kind = 'cash' AND l.code = $3 RETURNING id`,
    [institutionId, entryDate, line, amountMad, direction],
  );
  return entry!.id;
}
