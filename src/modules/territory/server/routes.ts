/** HTTP routes of the territory module. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { Uuid } from '../../../platform/contract/common.ts';
import { Commune, CommuneListQuery, CommunePage, CreateCommuneBody, Delegation, DelegationListQuery, DelegationPage, Province, Region, RegionDetail, UpdateDelegationBody } from '../contract.ts';
import { createCommune, findCommunes } from './communes.ts';
import { findDelegations, findRegionDetail, listProvinces, listRegions } from './queries.ts';
import { updateDelegation } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['territory'];

export function territoryRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/territory/regions', { schema: { tags, response: { 200: z.object({ items: z.array(Region) }) } } }, (request) =>
    scoped(ctx, request, 'territory.read', async (tx) => ({ items: await listRegions(tx) })),
  );

  api.get('/api/territory/regions/:id', { schema: { tags, params: IdParams, response: { 200: RegionDetail } } }, (request) =>
    scoped(ctx, request, 'territory.read', async (tx) => (await findRegionDetail(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.get(
    '/api/territory/provinces',
    { schema: { tags, querystring: z.strictObject({ region: Uuid.optional() }), response: { 200: z.object({ items: z.array(Province) }) } } },
    (request) => scoped(ctx, request, 'territory.read', async (tx) => ({ items: await listProvinces(tx, request.query.region) })),
  );

  api.get('/api/organisation/delegations', { schema: { tags, querystring: DelegationListQuery, response: { 200: DelegationPage } } }, (request) =>
    scoped(ctx, request, 'territory.read', async (tx) => {
      const q = request.query;
      const rows = await findDelegations(tx, { regionId: q.region, q: q.q, after: q.after, limit: q.limit + 1 });
      const items = rows.slice(0, q.limit);
      return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.code : null };
    }),
  );

  api.get('/api/organisation/delegations/:id', { schema: { tags, params: IdParams, response: { 200: Delegation } } }, (request) =>
    scoped(ctx, request, 'territory.read', async (tx) => (await findDelegations(tx, { ids: [request.params.id] }))[0] ?? Promise.reject(notFound())),
  );

  api.patch(
    '/api/organisation/delegations/:id',
    { schema: { tags, params: IdParams, body: UpdateDelegationBody, response: { 200: Delegation } } },
    (request) => scoped(ctx, request, 'organisation.manage', (tx) => updateDelegation(tx, request.params.id, request.body)),
  );

  api.get('/api/territory/communes', { schema: { tags, querystring: CommuneListQuery, response: { 200: CommunePage } } }, (request) =>
    scoped(ctx, request, 'territory.read', (tx) => {
      const q = request.query;
      return findCommunes(tx, { provinceId: q.province, regionId: q.region, q: q.q, after: q.after, limit: q.limit });
    }),
  );

  // A commune is written by the delegation covering its province (RLS: out of scope answers 404).
  api.post('/api/territory/communes', { schema: { tags, body: CreateCommuneBody, response: { 201: Commune } } }, async (request, reply) => {
    const commune = await scoped(ctx, request, 'communes.manage', (tx) => createCommune(tx, request.body));
    return reply.code(201).send(commune);
  });
}
