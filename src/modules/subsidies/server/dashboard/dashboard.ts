/**
 * The dashboard of one node (nation, region, delegation, association) for one year: its totals
 * and one row per child (regions; delegations; associations; conventions), in a single grouped
 * statement (GROUPING SETS), then one statement for the children's names.
 */
import { sql, type RawBuilder } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { Dashboard, DashboardLevel, DashboardQuery, DashboardRow, DashboardRowKind } from './contract.ts';
import { figureColumns, toFigures, type FigureRow } from './figures.ts';
import { rollupFigures } from './rollup.ts';
import { homeNode, resolveNode } from './scope.ts';

interface Grouping {
  /** The column the children are grouped by. */
  key: RawBuilder<unknown>;
  /** The node's own restriction (besides the year and row-level security). */
  where: RawBuilder<unknown>;
  child: DashboardRowKind;
  /** The kind of the rows whose key is NULL (conventions signed above the child level). */
  above: DashboardRowKind;
}

function grouping(level: DashboardLevel, id: string | null): Grouping {
  switch (level) {
    case 'nation':
      return { key: sql`f.region_id`, where: sql`true`, child: 'region', above: 'central' };
    case 'region':
      return { key: sql`f.delegation_id`, where: sql`f.region_id = ${id}::uuid`, child: 'delegation', above: 'regional' };
    case 'delegation':
      return { key: sql`f.association_id`, where: sql`f.delegation_id = ${id}::uuid`, child: 'association', above: 'association' };
    case 'association':
      return { key: sql`f.convention_id`, where: sql`f.association_id = ${id}::uuid`, child: 'convention', above: 'convention' };
  }
}

interface GroupedRow extends FigureRow {
  is_total: boolean;
  key: string | null;
}

interface NameRow {
  id: string;
  name_ar: string;
  name_fr: string;
  reference: string | null;
}

function namesOf(kind: DashboardRowKind, ids: string[]) {
  switch (kind) {
    case 'region':
      return sql<NameRow>`SELECT id, name_ar, name_fr, NULL AS reference FROM territory.regions WHERE id = ANY (${ids}::uuid[])`;
    case 'delegation':
      return sql<NameRow>`SELECT id, name_ar, name_fr, NULL AS reference FROM organisation.delegations WHERE id = ANY (${ids}::uuid[])`;
    case 'association':
      return sql<NameRow>`SELECT id, name_ar, name_fr, NULL AS reference FROM registry.associations WHERE id = ANY (${ids}::uuid[])`;
    default:
      return sql<NameRow>`SELECT id, object_ar AS name_ar, object_fr AS name_fr, reference FROM subsidies.conventions WHERE id = ANY (${ids}::uuid[])`;
  }
}

export async function loadDashboard(tx: Tx, user: CurrentUser, query: DashboardQuery): Promise<Dashboard> {
  const today = todayInMorocco();
  const year = query.year ?? Number(today.slice(0, 4));
  const home = homeNode(user);
  const level = query.level ?? home.level;
  const id = query.level ? query.id : home.id;
  const { node, parents } = await resolveNode(tx, user, level, id);
  const g = grouping(node.level, node.id);
  // The nation and a region read the stored sums per region and delegation (0138); below, the tranches themselves.
  const grouped: GroupedRow[] =
    node.level === 'nation' || node.level === 'region'
      ? await rollupFigures(tx, { column: node.level === 'nation' ? 'region_id' : 'delegation_id', regionId: node.id }, year, today)
      : (await sql<GroupedRow>`
          SELECT grouping(${g.key}) = 1 AS is_total, ${g.key} AS key, ${figureColumns(today)}
          FROM subsidies.tranche_summary f
          WHERE f.counted AND f.year = ${year} AND ${g.where}
          GROUP BY GROUPING SETS ((${g.key}), ())`.execute(tx)).rows;
  const total = grouped.find((r) => r.is_total);
  const children = grouped.filter((r) => !r.is_total);
  const ids = children.flatMap((r) => (r.key ? [r.key] : []));
  const names = new Map((ids.length ? (await namesOf(g.child, ids).execute(tx)).rows : []).map((n) => [n.id, n]));
  const rows: DashboardRow[] = children.map((r) => {
    const name = r.key ? names.get(r.key) : undefined;
    return {
      kind: r.key ? g.child : g.above,
      id: r.key,
      nameAr: name?.name_ar ?? '',
      nameFr: name?.name_fr ?? '',
      reference: name?.reference ?? null,
      ...toFigures(r),
    };
  });
  // Named children first, in French order (stable for both languages); the conventions signed above them last.
  rows.sort((a, b) => Number(a.id === null) - Number(b.id === null) || a.nameFr.localeCompare(b.nameFr, 'fr'));
  return { year, node, parents, totals: toFigures(total), rows };
}
