/**
 * The indicators of one institution and year: income structure (share of each revenue line),
 * cost per beneficiary-day against the category's minimum daily cost, food per beneficiary-day.
 * The cost is the recurrent expenditure (operating and staff sections; equipment and investment
 * are lumpy and left out, decision 0032) divided by the beneficiary-days counted by
 * finance.occupancy_by_month(), which returns counts only.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { Indicators } from './contract.ts';
import { visibleInstitution } from './budget-vs-actual.ts';

interface IncomeSqlRow {
  code: string;
  name_ar: string;
  name_fr: string;
  amount_mad: string;
  share: string | null;
}

interface MonthSqlRow {
  month: string;
  days: string;
  expenditure_mad: string;
  food_mad: string;
  cost_per_day: string | null;
}

interface YearSqlRow {
  revenue_mad: string;
  expenditure_mad: string;
  food_mad: string;
  days: string;
  cost_per_day: string | null;
  food_per_day: string | null;
  minimum: string | null;
  below: boolean;
}

async function incomeStructure(tx: Tx, institutionId: string, year: number): Promise<IncomeSqlRow[]> {
  const { rows } = await sql<IncomeSqlRow>`
    SELECT l.code, l.name_ar, l.name_fr, y.amount_mad::text AS amount_mad,
      CASE WHEN sum(y.amount_mad) OVER () > 0 THEN round(y.amount_mad / sum(y.amount_mad) OVER (), 4)::text END AS share
    FROM finance.yearly_totals y JOIN finance.budget_lines l ON l.code = y.line_code AND l.kind = 'revenue'
    WHERE y.institution_id = ${institutionId}::uuid AND y.year = ${year}::int AND y.amount_mad <> 0
    ORDER BY y.amount_mad DESC, l.code`.execute(tx);
  return rows;
}

/** Month by month: beneficiary-days, recurrent expenditure and their quotient. */
async function months(tx: Tx, institutionId: string, year: number): Promise<MonthSqlRow[]> {
  const { rows } = await sql<MonthSqlRow>`
    WITH o AS (SELECT month, days FROM finance.occupancy_by_month(${institutionId}::uuid, ${year}::int)),
    e AS (
      SELECT t.month, sum(t.amount_mad) FILTER (WHERE l.section IN ('operating', 'staff')) AS spent,
             sum(t.amount_mad) FILTER (WHERE l.is_food) AS food
      FROM finance.monthly_totals t JOIN finance.budget_lines l ON l.code = t.line_code AND l.kind = 'expenditure'
      WHERE t.institution_id = ${institutionId}::uuid AND t.month >= make_date(${year}::int, 1, 1) AND t.month < make_date(${year}::int + 1, 1, 1)
      GROUP BY t.month
    )
    SELECT to_char(g, 'YYYY-MM') AS month, coalesce(o.days, 0)::text AS days,
      coalesce(e.spent, 0.00)::text AS expenditure_mad, coalesce(e.food, 0.00)::text AS food_mad,
      CASE WHEN o.days > 0 THEN round(coalesce(e.spent, 0.00) / o.days, 2)::text END AS cost_per_day
    FROM generate_series(make_date(${year}::int, 1, 1), make_date(${year}::int, 12, 1), interval '1 month') g
    LEFT JOIN o ON o.month = g::date LEFT JOIN e ON e.month = g::date
    ORDER BY g`.execute(tx);
  return rows;
}

async function yearFigures(tx: Tx, institutionId: string, year: number, legalCategory: string | null): Promise<YearSqlRow> {
  const { rows } = await sql<YearSqlRow>`
    WITH y AS (
      SELECT coalesce(sum(y.amount_mad) FILTER (WHERE l.kind = 'revenue'), 0.00) AS revenue,
             coalesce(sum(y.amount_mad) FILTER (WHERE l.section IN ('operating', 'staff')), 0.00) AS spent,
             coalesce(sum(y.amount_mad) FILTER (WHERE l.is_food), 0.00) AS food
      FROM finance.yearly_totals y JOIN finance.budget_lines l ON l.code = y.line_code
      WHERE y.institution_id = ${institutionId}::uuid AND y.year = ${year}::int
    ), o AS (
      SELECT coalesce(finance.occupancy_days(${institutionId}::uuid, make_date(${year}::int, 1, 1), make_date(${year}::int, 12, 31)), 0) AS days
    )
    SELECT y.revenue::text AS revenue_mad, y.spent::text AS expenditure_mad, y.food::text AS food_mad, o.days::text AS days,
      CASE WHEN o.days > 0 THEN round(y.spent / o.days, 2)::text END AS cost_per_day,
      CASE WHEN o.days > 0 THEN round(y.food / o.days, 2)::text END AS food_per_day,
      m.amount_mad::text AS minimum,
      coalesce(CASE WHEN o.days > 0 THEN round(y.spent / o.days, 2) < m.amount_mad END, false) AS below
    FROM y CROSS JOIN o
    LEFT JOIN finance.daily_cost_references m ON m.legal_category = ${legalCategory} AND m.year = ${year}::int`.execute(tx);
  return rows[0]!;
}

export async function indicators(tx: Tx, institutionId: string, year: number): Promise<Indicators> {
  const institution = await visibleInstitution(tx, institutionId);
  const [income, monthly, figures] = [
    await incomeStructure(tx, institutionId, year),
    await months(tx, institutionId, year),
    await yearFigures(tx, institutionId, year, institution.legalCategory),
  ];
  const costPerDay = figures.cost_per_day;
  return {
    institutionId,
    year,
    legalCategory: institution.legalCategory,
    revenueMad: figures.revenue_mad,
    incomeStructure: income.map((r) => ({ code: r.code, nameAr: r.name_ar, nameFr: r.name_fr, amountMad: r.amount_mad, share: r.share })),
    expenditureMad: figures.expenditure_mad,
    foodMad: figures.food_mad,
    occupancyDays: Number(figures.days),
    costPerDayMad: costPerDay,
    foodPerDayMad: figures.food_per_day,
    minimumDailyMad: figures.minimum,
    belowMinimum: figures.below,
    months: monthly.map((m) => ({ month: m.month, occupancyDays: Number(m.days), expenditureMad: m.expenditure_mad, costPerDayMad: m.cost_per_day })),
  };
}
