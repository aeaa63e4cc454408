/** HTTP routes of the subsidies dashboard part: the dashboard with its drill-down, the regularity table, the late tranches. */
import type { ServerContext } from '../../../../server/context.ts';
import { scoped } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Dashboard, DashboardQuery, LateTranchesPage, LateTranchesQuery, Regularity, RegularityQuery } from './contract.ts';
import { loadDashboard } from './dashboard.ts';
import { findLateTranches } from './late.ts';
import { loadRegularity } from './regularity.ts';

const tags = ['subsidies'];

export function dashboardRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/subsidies/dashboard', { schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => loadDashboard(tx, user, request.query)),
  );

  api.get('/api/subsidies/dashboard/regularity', { schema: { tags, querystring: RegularityQuery, response: { 200: Regularity } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => loadRegularity(tx, user, request.query)),
  );

  api.get('/api/subsidies/late-tranches', { schema: { tags, querystring: LateTranchesQuery, response: { 200: LateTranchesPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => findLateTranches(tx, user, request.query)),
  );
}
