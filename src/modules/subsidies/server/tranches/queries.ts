/**
 * Reads of the tranches part, under row-level security. A convention's tranches come in a fixed
 * number of statements whatever their count (figures, conditions, disbursements, people), never
 * one query per tranche. Every figure is the database's (subsidies.tranche_figures).
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { ConventionTranches, DuePage, Tranche, TrancheCondition } from '../../contract/tranches.ts';

interface FigureRow {
  id: string;
  convention_id: string;
  year: number;
  position: number;
  planned_on: string;
  amount_mad: string;
  status: Tranche['status'];
  conditions_met_on: string | null;
  released_on: string | null;
  released_by: string | null;
  override_reason: string | null;
  overridden_by: string | null;
  paid_on: string | null;
  paid_mad: string;
  remaining_mad: string;
  justified_mad: string;
  delay_planned_days: number | null;
  delay_conditions_days: number | null;
  overdue_days: number | null;
  late: boolean;
}

interface ConditionRow {
  tranche_id: string;
  condition_code: string;
  name_ar: string;
  name_fr: string;
  evaluation: 'auto' | 'manual';
  blocking: boolean;
  auto_met: boolean | null;
  confirmed: boolean | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  note: string | null;
  met: boolean;
}

interface DisbursementRow {
  id: string;
  tranche_id: string;
  payment_order: string;
  payment_reference: string;
  paid_on: string;
  amount_mad: string;
  rib: string;
}

type Filter = { conventionId: string } | { trancheId: string };
const where = (alias: string, f: Filter) =>
  'conventionId' in f ? sql`${sql.ref(`${alias}.convention_id`)} = ${f.conventionId}::uuid` : sql`${sql.ref(`${alias}.id`)} = ${f.trancheId}::uuid`;

async function loadTranches(tx: Tx, conventionId: string, filter: Filter): Promise<Tranche[]> {
  // Auto conditions change with other modules' data (a budget approved, a finding closed): the day
  // they are first seen all met is recorded when the tranches are read (decision 0027).
  await sql`SELECT subsidies.note_conditions_met(t.id) FROM subsidies.tranches t
    WHERE ${where('t', filter)} AND t.status = 'planned' AND t.conditions_met_on IS NULL`.execute(tx);
  const figures = await sql<FigureRow>`
    SELECT t.id, t.convention_id, t.year, t.position, t.planned_on, t.amount_mad, t.status, t.conditions_met_on, t.released_on,
      t.released_by, t.override_reason, t.overridden_by, t.paid_on, f.paid_mad::numeric(14,2)::text AS paid_mad, (t.amount_mad - f.paid_mad)::numeric(14,2)::text AS remaining_mad,
      f.justified_mad::numeric(14,2)::text AS justified_mad, f.delay_planned_days, f.delay_conditions_days, f.overdue_days, f.late
    FROM subsidies.tranches t JOIN subsidies.tranche_figures f ON f.tranche_id = t.id
    WHERE ${where('t', filter)}
    ORDER BY t.year, t.position`.execute(tx);
  if (figures.rows.length === 0) return [];
  const ids = figures.rows.map((r) => r.id);
  const [conditions, disbursements, people] = await Promise.all([
    sql<ConditionRow>`
      SELECT t.id AS tranche_id, cs.condition_code, ct.name_ar, ct.name_fr, cs.evaluation, cs.blocking, cs.auto_met, cs.confirmed,
        cs.confirmed_by, to_char(cs.confirmed_at AT TIME ZONE 'Africa/Casablanca', 'YYYY-MM-DD"T"HH24:MI:SS') AS confirmed_at, cs.note, cs.met
      FROM unnest(${ids}::uuid[]) AS t(id)
      CROSS JOIN LATERAL subsidies.condition_state(t.id) cs
      JOIN subsidies.condition_types ct ON ct.code = cs.condition_code
      ORDER BY t.id, ct.position`.execute(tx),
    sql<DisbursementRow>`
      SELECT d.id, d.tranche_id, d.payment_order, d.payment_reference, d.paid_on, d.amount_mad, d.rib
      FROM subsidies.disbursements d WHERE d.tranche_id = ANY(${ids}::uuid[]) ORDER BY d.paid_on, d.created_at`.execute(tx),
    sql<{ user_id: string; full_name_ar: string; full_name_fr: string }>`SELECT * FROM subsidies.convention_people(${conventionId}::uuid)`.execute(tx),
  ]);
  const names = new Map(people.rows.map((p) => [p.user_id, { nameAr: p.full_name_ar, nameFr: p.full_name_fr }]));
  const person = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return figures.rows.map((r) => {
    const own: TrancheCondition[] = conditions.rows
      .filter((c) => c.tranche_id === r.id)
      .map((c) => ({
        code: c.condition_code, nameAr: c.name_ar, nameFr: c.name_fr, evaluation: c.evaluation, blocking: c.blocking, autoMet: c.auto_met,
        confirmed: c.confirmed, confirmedBy: person(c.confirmed_by), confirmedAt: c.confirmed_at, note: c.note, met: c.met,
      }));
    return {
      id: r.id, conventionId: r.convention_id, year: r.year, position: r.position, plannedOn: r.planned_on, amountMad: r.amount_mad,
      status: r.status, conditionsMetOn: r.conditions_met_on, releasedOn: r.released_on, releasedBy: person(r.released_by),
      overrideReason: r.override_reason, overriddenBy: person(r.overridden_by), paidOn: r.paid_on, paidMad: r.paid_mad,
      remainingMad: r.remaining_mad, justifiedMad: r.justified_mad, delayPlannedDays: r.delay_planned_days,
      delayConditionsDays: r.delay_conditions_days, overdueDays: r.overdue_days, late: r.late,
      blocked: r.status === 'planned' && own.some((c) => c.blocking && !c.met),
      conditions: own,
      disbursements: disbursements.rows.filter((d) => d.tranche_id === r.id).map((d) => ({
        id: d.id, paymentOrder: d.payment_order, paymentReference: d.payment_reference, paidOn: d.paid_on, amountMad: d.amount_mad, rib: d.rib,
      })),
    };
  });
}

export async function getTranche(tx: Tx, trancheId: string): Promise<Tranche> {
  const found = await sql<{ convention_id: string }>`SELECT convention_id FROM subsidies.tranches WHERE id = ${trancheId}::uuid`.execute(tx);
  const conventionId = found.rows[0]?.convention_id;
  if (!conventionId) throw notFound();
  const [tranche] = await loadTranches(tx, conventionId, { trancheId });
  if (!tranche) throw notFound();
  return tranche;
}

export interface ConventionHead {
  id: string;
  reference: string;
  status: string;
  starts_on: string;
  ends_on: string;
  association_id: string;
  association_name_ar: string;
  association_name_fr: string;
  association_rib: string | null;
  delegation_name_ar: string | null;
  delegation_name_fr: string | null;
}

export async function conventionHead(tx: Tx, conventionId: string): Promise<ConventionHead> {
  const { rows } = await sql<ConventionHead>`
    SELECT c.id, c.reference, c.status, c.starts_on, c.ends_on, c.association_id, a.name_ar AS association_name_ar,
      a.name_fr AS association_name_fr, a.rib AS association_rib, d.name_ar AS delegation_name_ar, d.name_fr AS delegation_name_fr
    FROM subsidies.conventions c
    JOIN registry.associations a ON a.id = c.association_id
    LEFT JOIN organisation.delegations d ON d.id = c.delegation_id
    WHERE c.id = ${conventionId}::uuid`.execute(tx);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export async function getConventionTranches(tx: Tx, conventionId: string): Promise<ConventionTranches> {
  const head = await conventionHead(tx, conventionId);
  const [years, tranches] = await Promise.all([
    sql<{ year: number; entraide_mad: string; planned_mad: string }>`
      WITH en AS (
        SELECT ca.year, sum(ca.amount_mad) AS amount FROM subsidies.convention_amounts ca
        JOIN subsidies.convention_partners p ON p.id = ca.partner_id AND p.kind = 'entraide_nationale'
        WHERE ca.convention_id = ${conventionId}::uuid GROUP BY ca.year
      ), planned AS (
        SELECT t.year, sum(t.amount_mad) AS amount FROM subsidies.tranches t
        WHERE t.convention_id = ${conventionId}::uuid AND t.status <> 'cancelled' GROUP BY t.year
      )
      SELECT coalesce(en.year, planned.year) AS year, coalesce(en.amount, 0)::numeric(14,2)::text AS entraide_mad,
        coalesce(planned.amount, 0)::numeric(14,2)::text AS planned_mad
      FROM en FULL JOIN planned ON planned.year = en.year ORDER BY 1`.execute(tx),
    loadTranches(tx, conventionId, { conventionId }),
  ]);
  return {
    conventionId, reference: head.reference, conventionStatus: head.status, startsOn: head.starts_on, endsOn: head.ends_on,
    associationNameAr: head.association_name_ar, associationNameFr: head.association_name_fr, associationRib: head.association_rib,
    years: years.rows.map((y) => ({ year: y.year, entraideMad: y.entraide_mad, plannedMad: y.planned_mad })),
    tranches,
  };
}

/** The last day of a 'YYYY-MM' month. */
export const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
};

/**
 * What a delegation still owes by the end of a month: the tranches not fully paid whose date falls
 * in the month or before (those before are overdue), by date. Keyset on (planned_on, id).
 */
export async function findDue(tx: Tx, q: { month: string; delegationId?: string; after?: { plannedOn: string; id: string }; limit: number }): Promise<DuePage> {
  const parts = [sql`t.status IN ('planned', 'released')`, sql`t.planned_on <= ${monthEnd(q.month)}::date`];
  if (q.delegationId) parts.push(sql`t.delegation_id = ${q.delegationId}::uuid`);
  const base = sql.join(parts, sql` AND `);
  const page = q.after ? sql`AND (t.planned_on, t.id) > (${q.after.plannedOn}::date, ${q.after.id}::uuid)` : sql``;
  const [rows, totals] = await Promise.all([
    sql<{ id: string; convention_id: string; reference: string; association_name_ar: string; association_name_fr: string;
      delegation_name_ar: string | null; delegation_name_fr: string | null; year: number; position: number; planned_on: string;
      amount_mad: string; remaining_mad: string; status: Tranche['status']; blocked: boolean; overdue_days: number | null }>`
      SELECT t.id, t.convention_id, c.reference, a.name_ar AS association_name_ar, a.name_fr AS association_name_fr,
        d.name_ar AS delegation_name_ar, d.name_fr AS delegation_name_fr, t.year, t.position, t.planned_on, t.amount_mad,
        (t.amount_mad - subsidies.paid_mad(t.id))::numeric(14,2)::text AS remaining_mad, t.status,
        (t.status = 'planned' AND subsidies.tranche_blocked(t.id)) AS blocked,
        CASE WHEN t.planned_on < subsidies.today() THEN subsidies.today() - t.planned_on END AS overdue_days
      FROM subsidies.tranches t
      JOIN subsidies.conventions c ON c.id = t.convention_id
      JOIN registry.associations a ON a.id = t.association_id
      LEFT JOIN organisation.delegations d ON d.id = t.delegation_id
      WHERE ${base} ${page}
      ORDER BY t.planned_on, t.id LIMIT ${q.limit + 1}`.execute(tx),
    sql<{ count: string; remaining: string }>`
      SELECT count(*)::text AS count, coalesce(sum(t.amount_mad - subsidies.paid_mad(t.id)), 0)::numeric(14,2)::text AS remaining
      FROM subsidies.tranches t WHERE ${base}`.execute(tx),
  ]);
  const items = rows.rows.slice(0, q.limit).map((r) => ({
    id: r.id, conventionId: r.convention_id, reference: r.reference, associationNameAr: r.association_name_ar,
    associationNameFr: r.association_name_fr, delegationNameAr: r.delegation_name_ar, delegationNameFr: r.delegation_name_fr,
    year: r.year, position: r.position, plannedOn: r.planned_on, amountMad: r.amount_mad, remainingMad: r.remaining_mad,
    status: r.status, blocked: r.blocked, overdueDays: r.overdue_days,
  }));
  const last = items[items.length - 1];
  return {
    month: q.month,
    items,
    nextCursor: rows.rows.length > q.limit && last ? `${last.plannedOn}|${last.id}` : null,
    count: Number(totals.rows[0]?.count ?? 0),
    remainingMad: totals.rows[0]?.remaining ?? '0.00',
  };
}
