/**
 * The nation's and a region's figures from subsidies.dashboard_rollup (migration 0138): the stored
 * sums per owner region and delegation, and the one figure that depends on the day (open tranches
 * not yet due) read from the summary's small open index. Same figures as figures.ts computes from
 * the tranches one by one (dashboard.test.ts checks both paths against the same rows).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { FigureRow } from './figures.ts';

export interface RollupGroup {
  /** The grouping column of both tables ('region_id' for the nation, 'delegation_id' for a region). */
  column: 'region_id' | 'delegation_id';
  /** The node's region, or none for the nation. */
  regionId: string | null;
}

export interface KeyedFigureRow extends FigureRow {
  is_total: boolean;
  key: string | null;
}

interface StoredRow extends Omit<FigureRow, 'assessed'> {
  is_total: boolean;
  key: string | null;
  completed: number;
  open: number;
}

interface NotDueRow {
  is_total: boolean;
  key: string | null;
  year: number;
  not_due: number;
}

const within = (alias: 'r' | 'f', regionId: string | null): RawBuilder<unknown> =>
  regionId ? sql`${sql.ref(`${alias}.region_id`)} = ${regionId}::uuid` : sql`true`;

/** The node's totals (is_total) and one row per child for one year. */
export async function rollupFigures(tx: Tx, g: RollupGroup, year: number, today: string): Promise<KeyedFigureRow[]> {
  const rKey = sql.ref(`r.${g.column}`);
  const fKey = sql.ref(`f.${g.column}`);
  const stored = await sql<StoredRow>`
    SELECT grouping(${rKey}) = 1 AS is_total, ${rKey} AS key,
      coalesce(sum(r.committed_mad), 0.00::numeric(16, 2))::text AS committed,
      coalesce(sum(r.released_mad), 0.00::numeric(16, 2))::text AS released,
      coalesce(sum(r.paid_mad), 0.00::numeric(16, 2))::text AS paid,
      coalesce(sum(r.justified_mad), 0.00::numeric(16, 2))::text AS justified,
      coalesce(sum(r.tranches), 0)::int AS tranches, coalesce(sum(r.completed), 0)::int AS completed, coalesce(sum(r.on_time), 0)::int AS on_time,
      coalesce(sum(r.open), 0)::int AS open,
      round(sum(r.delay_days)::numeric / nullif(sum(r.completed), 0), 1)::float8 AS delay,
      round(sum(r.conditions_delay_days)::numeric / nullif(sum(r.conditions_delayed), 0), 1)::float8 AS conditions_delay
    FROM subsidies.dashboard_rollup r
    WHERE r.year = ${year} AND r.tranches > 0 AND ${within('r', g.regionId)}
    GROUP BY GROUPING SETS ((${rKey}), ())`.execute(tx);
  const notDue = await sql<NotDueRow>`
    SELECT grouping(${fKey}) = 1 AS is_total, ${fKey} AS key, ${year} AS year, count(*)::int AS not_due
    FROM subsidies.tranche_summary f
    WHERE f.counted AND f.completed_on IS NULL AND f.year = ${year} AND f.planned_on >= ${today}::date AND ${within('f', g.regionId)}
    GROUP BY GROUPING SETS ((${fKey}), ())`.execute(tx);
  return stored.rows
    // An empty year still answers one total row (the sums of nothing); it has no tranches.
    .filter((r) => r.is_total || r.tranches > 0)
    .map((r) => {
      const nd = notDue.rows.find((n) => n.is_total === r.is_total && n.key === r.key)?.not_due ?? 0;
      return { ...r, assessed: r.completed + r.open - nd };
    });
}

export interface YearCell {
  key: string | null;
  year: number;
  assessed: number;
  on_time: number;
  delay: number | null;
}

/** Assessed, on time and average delay per child and year (the regularity table). */
export async function rollupYears(tx: Tx, g: RollupGroup, from: number, to: number, today: string): Promise<YearCell[]> {
  const rKey = sql.ref(`r.${g.column}`);
  const fKey = sql.ref(`f.${g.column}`);
  const stored = await sql<{ key: string | null; year: number; completed: number; on_time: number; open: number; delay: number | null }>`
    SELECT ${rKey} AS key, r.year, sum(r.completed)::int AS completed, sum(r.on_time)::int AS on_time, sum(r.open)::int AS open,
      round(sum(r.delay_days)::numeric / nullif(sum(r.completed), 0), 1)::float8 AS delay
    FROM subsidies.dashboard_rollup r
    WHERE r.year BETWEEN ${from} AND ${to} AND r.tranches > 0 AND ${within('r', g.regionId)}
    GROUP BY 1, 2`.execute(tx);
  const notDue = await sql<{ key: string | null; year: number; not_due: number }>`
    SELECT ${fKey} AS key, f.year, count(*)::int AS not_due
    FROM subsidies.tranche_summary f
    WHERE f.counted AND f.completed_on IS NULL AND f.year BETWEEN ${from} AND ${to} AND f.planned_on >= ${today}::date AND ${within('f', g.regionId)}
    GROUP BY 1, 2`.execute(tx);
  return stored.rows.map((r) => ({
    key: r.key,
    year: r.year,
    assessed: r.completed + r.open - (notDue.rows.find((n) => n.key === r.key && n.year === r.year)?.not_due ?? 0),
    on_time: r.on_time,
    delay: r.delay,
  }));
}
