/**
 * The regularity indicator (decision 0029) year by year: per region for the nation, per
 * delegation for a region. One grouped statement; years without tranches show as not assessed.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields, notFound } from '../../../../server/errors.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Regularity, DashboardRowKind } from './contract.ts';
import { regularity } from './figures.ts';
import { rollupYears } from './rollup.ts';
import { resolveNode } from './scope.ts';

const MAX_YEARS = 10;

export async function loadRegularity(tx: Tx, user: CurrentUser, q: { regionId?: string; from?: number; to?: number }): Promise<Regularity> {
  const today = todayInMorocco();
  const to = q.to ?? Number(today.slice(0, 4));
  const from = q.from ?? to - 4;
  if (from > to || to - from >= MAX_YEARS) throw invalidFields({ path: 'from', key: 'validation.invalid_value' });
  // A user below the nation sees their region's delegations (their own rows only, by row-level security).
  const regionId = q.regionId ?? (user.scope.level === 'nation' ? undefined : user.scope.regionId ?? undefined);
  if (user.scope.level !== 'nation' && !regionId) throw notFound();
  if (regionId && user.scope.level !== 'delegation' && user.scope.level !== 'association') await resolveNode(tx, user, 'region', regionId);
  if (regionId && (user.scope.level === 'delegation' || user.scope.level === 'association') && regionId !== user.scope.regionId) throw notFound();
  const rows = await rollupYears(tx, { column: regionId ? 'delegation_id' : 'region_id', regionId: regionId ?? null }, from, to, today);
  const child: DashboardRowKind = regionId ? 'delegation' : 'region';
  const names = regionId
    ? sql<{ id: string; name_ar: string; name_fr: string }>`SELECT id, name_ar, name_fr FROM organisation.delegations WHERE region_id = ${regionId}::uuid`
    : sql<{ id: string; name_ar: string; name_fr: string }>`SELECT id, name_ar, name_fr FROM territory.regions`;
  const keys = new Set(rows.map((r) => r.key));
  const named = (await names.execute(tx)).rows
    // Below the region, only the user's own delegation (the others have no rows they may see).
    .filter((n) => user.scope.level === 'nation' || user.scope.level === 'region' || keys.has(n.id));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const cells = (k: string | null) => years.map((year) => {
    const r = rows.find((row) => row.key === k && row.year === year);
    return { year, assessed: r?.assessed ?? 0, onTime: r?.on_time ?? 0, regularityPercent: r ? regularity(r.on_time, r.assessed) : null, averageDelayDays: r?.delay ?? null };
  });
  const result: Regularity['rows'] = named
    .sort((a, b) => a.name_fr.localeCompare(b.name_fr, 'fr'))
    .map((n) => ({ kind: child, id: n.id, nameAr: n.name_ar, nameFr: n.name_fr, years: cells(n.id) }));
  if (keys.has(null)) result.push({ kind: regionId ? 'regional' : 'central', id: null, nameAr: '', nameFr: '', years: cells(null) });
  return { from, to, rows: result };
}
