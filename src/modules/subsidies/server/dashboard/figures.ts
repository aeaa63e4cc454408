/**
 * The dashboard's figures in SQL, from subsidies.tranche_summary (migration 0137, kept in the same
 * transaction as the tranches, disbursements and reviews). Money is summed in SQL and returned as
 * text; delays are averaged in SQL. One definition for the dashboard and the regularity table.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Figures } from './contract.ts';

/** The aggregate columns over `f` (rows already restricted to counted tranches). `today` is the Morocco day. */
export function figureColumns(today: string): RawBuilder<unknown> {
  return sql`
    coalesce(sum(f.amount_mad), 0.00::numeric(14, 2))::text AS committed,
    coalesce(sum(f.amount_mad) FILTER (WHERE f.released), 0.00::numeric(14, 2))::text AS released,
    coalesce(sum(f.paid_mad), 0.00::numeric(14, 2))::text AS paid,
    coalesce(sum(f.justified_mad), 0.00::numeric(14, 2))::text AS justified,
    count(*)::int AS tranches,
    count(*) FILTER (WHERE f.planned_on < ${today}::date OR f.completed_on IS NOT NULL)::int AS assessed,
    count(*) FILTER (WHERE f.completed_on <= f.planned_on)::int AS on_time,
    round(avg(f.completed_on - f.planned_on), 1)::float8 AS delay,
    round(avg(f.completed_on - f.conditions_met_on), 1)::float8 AS conditions_delay`;
}

export interface FigureRow {
  committed: string;
  released: string;
  paid: string;
  justified: string;
  tranches: number;
  assessed: number;
  on_time: number;
  delay: number | null;
  conditions_delay: number | null;
}

/** On time ÷ assessed in percent, one decimal (the regularity indicator of decision 0029). */
export function regularity(onTime: number, assessed: number): number | null {
  return assessed === 0 ? null : Math.round((1000 * onTime) / assessed) / 10;
}

export function toFigures(r: FigureRow | undefined): Figures {
  if (!r) {
    return { committedMad: '0.00', releasedMad: '0.00', paidMad: '0.00', justifiedMad: '0.00', tranches: 0, assessed: 0, onTime: 0, late: 0,
      averageDelayDays: null, averageConditionsDelayDays: null, regularityPercent: null };
  }
  return {
    committedMad: r.committed,
    releasedMad: r.released,
    paidMad: r.paid,
    justifiedMad: r.justified,
    tranches: r.tranches,
    assessed: r.assessed,
    onTime: r.on_time,
    late: r.assessed - r.on_time,
    averageDelayDays: r.delay,
    averageConditionsDelayDays: r.conditions_delay,
    regularityPercent: regularity(r.on_time, r.assessed),
  };
}
