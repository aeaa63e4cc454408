/**
 * Which dashboard node a user may open. The figures themselves are filtered by row-level security;
 * this only refuses (404) a node above or beside the user's scope, whose figures would otherwise
 * show as a misleading part of a whole.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { DashboardLevel, DashboardNode } from './contract.ts';

interface Place {
  regionId: string | null;
  delegationId: string | null;
  associationId: string | null;
}

/** May the user open the node at `level` whose place (its own id and the ones above it) is `place`? */
export function mayOpen(user: CurrentUser, level: DashboardLevel, place: Place): boolean {
  const scope = user.scope;
  switch (scope.level) {
    case 'nation':
      return true;
    case 'region':
      // An association funded by the region may be seated in another one: its figures are the region's part.
      return level === 'association' || (level !== 'nation' && place.regionId === scope.regionId);
    case 'delegation':
      return level === 'association' || (level === 'delegation' && place.delegationId === scope.delegationId);
    case 'association':
      return level === 'association' && place.associationId === scope.associationId;
    default:
      return false;
  }
}

/** The user's own node: where the dashboard opens when no node is asked. */
export function homeNode(user: CurrentUser): { level: DashboardLevel; id: string | undefined } {
  const s = user.scope;
  if (s.level === 'region') return { level: 'region', id: s.regionId ?? undefined };
  if (s.level === 'delegation') return { level: 'delegation', id: s.delegationId ?? undefined };
  if (s.level === 'association') return { level: 'association', id: s.associationId ?? undefined };
  return { level: 'nation', id: undefined };
}

interface NamedRow {
  id: string;
  name_ar: string;
  name_fr: string;
  region_id: string | null;
  region_ar: string | null;
  region_fr: string | null;
  delegation_id: string | null;
  delegation_ar: string | null;
  delegation_fr: string | null;
}

const NATION_AR = 'المملكة';
const NATION_FR = 'Royaume';

/** Resolves the node and its breadcrumb, or 404 when it does not exist or is not the user's to open. */
export async function resolveNode(tx: Tx, user: CurrentUser, level: DashboardLevel, id: string | undefined): Promise<{ node: DashboardNode; parents: DashboardNode[] }> {
  const nation: DashboardNode = { level: 'nation', id: null, nameAr: NATION_AR, nameFr: NATION_FR };
  if (level === 'nation') {
    if (!mayOpen(user, 'nation', { regionId: null, delegationId: null, associationId: null })) throw notFound();
    return { node: nation, parents: [] };
  }
  if (!id) throw notFound();
  const row = (await lookup(level, id).execute(tx)).rows[0];
  if (!row) throw notFound();
  const place = { regionId: row.region_id, delegationId: row.delegation_id, associationId: level === 'association' ? row.id : null };
  if (!mayOpen(user, level, place)) throw notFound();
  const candidates: { node: DashboardNode; place: Place }[] = [{ node: nation, place: { regionId: null, delegationId: null, associationId: null } }];
  if (row.region_id && level !== 'region') {
    candidates.push({ node: { level: 'region', id: row.region_id, nameAr: row.region_ar!, nameFr: row.region_fr! }, place: { regionId: row.region_id, delegationId: null, associationId: null } });
  }
  if (row.delegation_id && level === 'association') {
    candidates.push({ node: { level: 'delegation', id: row.delegation_id, nameAr: row.delegation_ar!, nameFr: row.delegation_fr! },
      place: { regionId: row.region_id, delegationId: row.delegation_id, associationId: null } });
  }
  const parents = candidates.filter((c) => mayOpen(user, c.node.level, c.place)).map((c) => c.node);
  return { node: { level, id: row.id, nameAr: row.name_ar, nameFr: row.name_fr }, parents };
}

function lookup(level: Exclude<DashboardLevel, 'nation'>, id: string) {
  switch (level) {
    case 'region':
      return sql<NamedRow>`SELECT r.id, r.name_ar, r.name_fr, r.id AS region_id, r.name_ar AS region_ar, r.name_fr AS region_fr,
        NULL::uuid AS delegation_id, NULL AS delegation_ar, NULL AS delegation_fr FROM territory.regions r WHERE r.id = ${id}::uuid`;
    case 'delegation':
      return sql<NamedRow>`SELECT d.id, d.name_ar, d.name_fr, r.id AS region_id, r.name_ar AS region_ar, r.name_fr AS region_fr,
        d.id AS delegation_id, d.name_ar AS delegation_ar, d.name_fr AS delegation_fr
        FROM organisation.delegations d JOIN territory.regions r ON r.id = d.region_id WHERE d.id = ${id}::uuid`;
    case 'association':
      return sql<NamedRow>`SELECT a.id, a.name_ar, a.name_fr, r.id AS region_id, r.name_ar AS region_ar, r.name_fr AS region_fr,
        d.id AS delegation_id, d.name_ar AS delegation_ar, d.name_fr AS delegation_fr
        FROM registry.associations a JOIN territory.regions r ON r.id = a.region_id
        LEFT JOIN organisation.delegations d ON d.id = a.delegation_id WHERE a.id = ${id}::uuid`;
  }
}
