/**
 * The consolidated figures of a year for the nation (one row per region), a region (one row per
 * delegation) or a delegation (one row per institution): budget in force, actuals by section, food,
 * beneficiary-days, cost per beneficiary-day and the institutions below their category's minimum.
 * Everything is summed by PostgreSQL in one statement from the summaries kept in the writers' own
 * transactions (finance.institution_year_totals, finance.budget_totals; migration 0127) and the
 * budgets; row-level security limits it to the caller's scope.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { forbidden, notFound } from '../../../../server/errors.ts';
import type { Consolidation, ConsolidationLevel, ConsolidationQuery, ConsolidationRow } from './contract.ts';

interface Target {
  level: ConsolidationLevel;
  regionId: string | null;
  delegationId: string | null;
  nameAr: string;
  nameFr: string;
}

/** What the query asks for, checked against the caller's scope (an id out of scope answers 404). */
async function targetOf(tx: Tx, user: CurrentUser, q: ConsolidationQuery): Promise<Target> {
  const scope = user.scope;
  if (scope.level === 'association' || scope.level === 'institution') throw forbidden();
  // A delegation does not see its region's consolidation.
  if (scope.level === 'delegation' && q.regionId && !q.delegationId) throw notFound();
  const delegationId = q.delegationId ?? (scope.level === 'delegation' ? scope.delegationId : null);
  if (delegationId) {
    const d = await tx.selectFrom('organisation.delegations').select(['id', 'region_id', 'name_ar', 'name_fr']).where('id', '=', delegationId).executeTakeFirst();
    const visible = d && (scope.level === 'nation' || (scope.level === 'region' && d.region_id === scope.regionId) || (scope.level === 'delegation' && d.id === scope.delegationId));
    if (!d || !visible || (q.regionId && q.regionId !== d.region_id)) throw notFound();
    return { level: 'delegation', regionId: d.region_id, delegationId: d.id, nameAr: d.name_ar, nameFr: d.name_fr };
  }
  const regionId = q.regionId ?? (scope.level === 'region' ? scope.regionId : null);
  if (regionId) {
    const r = await tx.selectFrom('territory.regions').select(['id', 'name_ar', 'name_fr']).where('id', '=', regionId).executeTakeFirst();
    if (!r || (scope.level === 'region' && r.id !== scope.regionId) || scope.level === 'delegation') throw notFound();
    return { level: 'region', regionId: r.id, delegationId: null, nameAr: r.name_ar, nameFr: r.name_fr };
  }
  return { level: 'nation', regionId: null, delegationId: null, nameAr: scope.nameAr, nameFr: scope.nameFr };
}

interface SqlRow {
  id: string | null;
  name_ar: string | null;
  name_fr: string | null;
  legal_category: string | null;
  minimum: string | null;
  budget_revenue: string;
  budget_expenditure: string;
  revenue: string;
  expenditure: string;
  operating: string;
  equipment: string;
  staff: string;
  food: string;
  days: string;
  cost_per_day: string | null;
  below_count: string;
  institution_count: string;
}

/** The grouping of each level: regions for the nation, delegations for a region, institutions for a delegation. */
const groupings: Record<ConsolidationLevel, { key: RawBuilder<unknown>; names: RawBuilder<unknown> }> = {
  nation: { key: sql.raw('per.region_id'), names: sql.raw('territory.regions') },
  region: { key: sql.raw('per.delegation_id'), names: sql.raw('organisation.delegations') },
  delegation: { key: sql.raw('per.id'), names: sql.raw('registry.institutions') },
};

async function consolidate(tx: Tx, year: number, t: Target): Promise<SqlRow[]> {
  const { key, names } = groupings[t.level];
  const region = t.regionId;
  const delegation = t.delegationId;
  const { rows } = await sql<SqlRow>`
    WITH act AS (
      SELECT t.institution_id, t.revenue_mad AS revenue, t.expenditure_mad AS expenditure, t.operating_mad AS operating,
        t.equipment_mad AS equipment, t.staff_mad AS staff, t.food_mad AS food
      FROM finance.institution_year_totals t
      WHERE t.year = ${year}::int AND (${region}::uuid IS NULL OR t.region_id = ${region}::uuid)
        AND (${delegation}::uuid IS NULL OR t.delegation_id = ${delegation}::uuid)
    ), cur AS (
      SELECT DISTINCT ON (b.institution_id) b.id, b.institution_id
      FROM finance.budgets b
      LEFT JOIN approvals.submissions s ON s.subject_type = 'institution_budget' AND s.subject_id = b.id
      WHERE b.year = ${year}::int AND (${region}::uuid IS NULL OR b.region_id = ${region}::uuid)
        AND (${delegation}::uuid IS NULL OR b.delegation_id = ${delegation}::uuid)
      ORDER BY b.institution_id, coalesce(s.state = 'approved', false) DESC, b.version DESC
    ), bud AS (
      SELECT cur.institution_id, t.revenue_mad AS revenue, t.expenditure_mad AS expenditure
      FROM cur JOIN finance.budget_totals t ON t.budget_id = cur.id
    ), occ AS (
      SELECT o.institution_id, o.days FROM finance.occupancy_by_institution(${year}::int, ${region}::uuid, ${delegation}::uuid) o
    ), ids AS (
      SELECT institution_id FROM act UNION SELECT institution_id FROM bud UNION SELECT institution_id FROM occ
    ), per AS (
      SELECT i.id, i.region_id, i.delegation_id, i.legal_category, m.amount_mad AS minimum,
        coalesce(bud.revenue, 0.00) AS budget_revenue, coalesce(bud.expenditure, 0.00) AS budget_expenditure,
        coalesce(act.revenue, 0.00) AS revenue, coalesce(act.expenditure, 0.00) AS expenditure,
        coalesce(act.operating, 0.00) AS operating, coalesce(act.equipment, 0.00) AS equipment, coalesce(act.staff, 0.00) AS staff,
        coalesce(act.food, 0.00) AS food, coalesce(occ.days, 0) AS days,
        CASE WHEN occ.days > 0 THEN round((coalesce(act.operating, 0.00) + coalesce(act.staff, 0.00)) / occ.days, 2) END AS cost_per_day
      FROM ids JOIN registry.institutions i ON i.id = ids.institution_id
      LEFT JOIN act ON act.institution_id = i.id LEFT JOIN bud ON bud.institution_id = i.id LEFT JOIN occ ON occ.institution_id = i.id
      LEFT JOIN finance.daily_cost_references m ON m.legal_category = i.legal_category AND m.year = ${year}::int
    ), grouped AS (
      SELECT ${key} AS id,
        CASE WHEN grouping(${key}) = 0 AND count(*) = 1 THEN min(per.legal_category) END AS legal_category,
        CASE WHEN grouping(${key}) = 0 AND count(*) = 1 THEN min(per.minimum) END AS minimum,
        sum(budget_revenue) AS budget_revenue, sum(budget_expenditure) AS budget_expenditure,
        sum(revenue) AS revenue, sum(expenditure) AS expenditure, sum(operating) AS operating,
        sum(equipment) AS equipment, sum(staff) AS staff, sum(food) AS food, sum(days) AS days,
        CASE WHEN sum(days) > 0 THEN round(sum(operating + staff) / sum(days), 2) END AS cost_per_day,
        count(*) FILTER (WHERE per.cost_per_day < per.minimum) AS below_count,
        count(*) AS institution_count,
        grouping(${key}) AS is_total
      FROM per
      WHERE ${key} IS NOT NULL
      GROUP BY ROLLUP (${key})
    )
    SELECT g.id, n.name_ar, n.name_fr, g.legal_category, g.minimum::text AS minimum,
      g.budget_revenue::text AS budget_revenue, g.budget_expenditure::text AS budget_expenditure,
      g.revenue::text AS revenue, g.expenditure::text AS expenditure, g.operating::text AS operating,
      g.equipment::text AS equipment, g.staff::text AS staff, g.food::text AS food, g.days::text AS days,
      g.cost_per_day::text AS cost_per_day, g.below_count::text AS below_count, g.institution_count::text AS institution_count
    FROM grouped g LEFT JOIN ${names} n ON n.id = g.id
    ORDER BY g.is_total, n.name_fr, g.id`.execute(tx);
  return rows;
}

const zero = (v: string | null | undefined) => v ?? '0.00';

function toRow(r: SqlRow, level: ConsolidationLevel): ConsolidationRow {
  const institution = level === 'delegation';
  return {
    id: r.id!,
    nameAr: r.name_ar ?? '',
    nameFr: r.name_fr ?? '',
    budgetRevenueMad: zero(r.budget_revenue),
    budgetExpenditureMad: zero(r.budget_expenditure),
    revenueMad: zero(r.revenue),
    expenditureMad: zero(r.expenditure),
    operatingMad: zero(r.operating),
    equipmentMad: zero(r.equipment),
    staffMad: zero(r.staff),
    foodMad: zero(r.food),
    occupancyDays: Number(r.days),
    costPerDayMad: r.cost_per_day,
    legalCategory: institution ? r.legal_category : null,
    minimumDailyMad: institution ? r.minimum : null,
    belowMinimum: institution ? Number(r.below_count) > 0 : null,
    belowMinimumCount: Number(r.below_count),
    institutionCount: Number(r.institution_count),
  };
}

const emptyTotal = {
  budgetRevenueMad: '0.00', budgetExpenditureMad: '0.00', revenueMad: '0.00', expenditureMad: '0.00', operatingMad: '0.00',
  equipmentMad: '0.00', staffMad: '0.00', foodMad: '0.00', occupancyDays: 0, costPerDayMad: null, belowMinimumCount: 0, institutionCount: 0,
};

export async function consolidation(tx: Tx, user: CurrentUser, q: ConsolidationQuery): Promise<Consolidation> {
  const target = await targetOf(tx, user, q);
  const rows = await consolidate(tx, q.year, target);
  const total = rows.find((r) => r.id === null);
  const { id: _id, nameAr: _ar, nameFr: _fr, legalCategory: _c, minimumDailyMad: _m, belowMinimum: _b, ...totalFigures } = total
    ? toRow({ ...total, id: '' }, 'nation')
    : { id: '', nameAr: '', nameFr: '', legalCategory: null, minimumDailyMad: null, belowMinimum: null, ...emptyTotal };
  return {
    year: q.year,
    level: target.level,
    regionId: target.regionId,
    delegationId: target.delegationId,
    nameAr: target.nameAr,
    nameFr: target.nameFr,
    rows: rows.filter((r) => r.id !== null).map((r) => toRow(r, target.level)),
    total: totalFigures,
  };
}
