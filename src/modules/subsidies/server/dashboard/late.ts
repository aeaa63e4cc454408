/**
 * The late tranches (decision 0029, same rule as the dashboard's late count): counted tranches
 * planned before today that are not fully paid ("open") or were completed after their planned
 * date ("paid"). Oldest first, keyset on (planned_on, tranche_id) over the partial late indexes of
 * migration 0137; the user's own scope key is added to the filter so that a region's or a
 * delegation's list walks its own index instead of the nation's.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { LateTranche, LateTranchesPage, LateTranchesQuery } from './contract.ts';

interface LateRow {
  id: string;
  convention_id: string;
  reference: string;
  association_id: string;
  association_ar: string;
  association_fr: string;
  delegation_ar: string | null;
  delegation_fr: string | null;
  year: number;
  position: number;
  planned_on: string;
  amount: string;
  paid: string;
  released: boolean;
  conditions_met_on: string | null;
  completed_on: string | null;
  days_late: number;
}

export function parseLateCursor(after: string | undefined): { plannedOn: string; id: string } | undefined {
  if (!after) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(after);
  if (!match) throw invalidFields({ path: 'after', key: 'validation.invalid_value' });
  return { plannedOn: match[1]!, id: match[2]! };
}

export async function findLateTranches(tx: Tx, user: CurrentUser, q: LateTranchesQuery): Promise<LateTranchesPage> {
  const today = todayInMorocco();
  const after = parseLateCursor(q.after);
  const s = user.scope;
  // Row-level security decides what is seen; these equalities only let the planner use the scope's index.
  const regionId = q.regionId ?? (s.level === 'region' ? s.regionId : null);
  const delegationId = q.delegationId ?? (s.level === 'delegation' ? s.delegationId : null);
  const associationId = q.associationId ?? (s.level === 'association' ? s.associationId : null);
  const { rows } = await sql<LateRow>`
    SELECT f.tranche_id AS id, f.convention_id, c.reference, f.association_id, a.name_ar AS association_ar, a.name_fr AS association_fr,
           d.name_ar AS delegation_ar, d.name_fr AS delegation_fr, f.year, t.position, f.planned_on::text AS planned_on,
           f.amount_mad::text AS amount, f.paid_mad::text AS paid, f.released, f.conditions_met_on::text AS conditions_met_on,
           f.completed_on::text AS completed_on, (coalesce(f.completed_on, ${today}::date) - f.planned_on) AS days_late
    FROM subsidies.tranche_summary f
    JOIN subsidies.tranches t ON t.id = f.tranche_id
    JOIN subsidies.conventions c ON c.id = f.convention_id
    JOIN registry.associations a ON a.id = f.association_id
    LEFT JOIN organisation.delegations d ON d.id = f.delegation_id
    WHERE f.counted AND (f.completed_on IS NULL OR f.completed_on > f.planned_on) AND f.planned_on < ${today}::date
      AND ${q.state === 'open' ? sql`f.completed_on IS NULL` : q.state === 'paid' ? sql`f.completed_on IS NOT NULL` : sql`true`}
      AND ${regionId ? sql`f.region_id = ${regionId}::uuid` : sql`true`}
      AND ${delegationId ? sql`f.delegation_id = ${delegationId}::uuid` : sql`true`}
      AND ${associationId ? sql`f.association_id = ${associationId}::uuid` : sql`true`}
      AND ${q.year ? sql`f.year = ${q.year}` : sql`true`}
      AND ${after ? sql`(f.planned_on, f.tranche_id) > (${after.plannedOn}::date, ${after.id}::uuid)` : sql`true`}
    ORDER BY f.planned_on, f.tranche_id
    LIMIT ${q.limit + 1}`.execute(tx);
  const items: LateTranche[] = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    conventionId: r.convention_id,
    reference: r.reference,
    associationId: r.association_id,
    associationNameAr: r.association_ar,
    associationNameFr: r.association_fr,
    delegationNameAr: r.delegation_ar,
    delegationNameFr: r.delegation_fr,
    year: r.year,
    position: r.position,
    plannedOn: r.planned_on,
    amountMad: r.amount,
    paidMad: r.paid,
    state: r.completed_on ? 'paid' : 'open',
    released: r.released,
    conditionsMetOn: r.conditions_met_on,
    completedOn: r.completed_on,
    daysLate: r.days_late,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? `${last.plannedOn}|${last.id}` : null };
}
