/** The map's API: points to cluster, and the choropleth's aggregates per region and province. */
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { MapAreas, MapFilters, MapPoints } from '../../contract/map.ts';
import { mapPoints, provinceAggregates, regionAggregates } from './queries.ts';

const tags = ['registry'];

export function mapRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/institutions/map/points', { schema: { tags, querystring: MapFilters, response: { 200: MapPoints } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => mapPoints(tx, request.query)),
  );
  api.get('/api/institutions/map/regions', { schema: { tags, querystring: MapFilters, response: { 200: MapAreas } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => ({ items: await regionAggregates(tx, request.query) })),
  );
  api.get('/api/institutions/map/provinces', { schema: { tags, querystring: MapFilters, response: { 200: MapAreas } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => ({ items: await provinceAggregates(tx, request.query) })),
  );
}
