/** The matching part of the beneficiaries API (issue 6 item 3): candidates, merges, access and transfer requests. */
import { z } from 'zod';
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import {
  AccessRequest,
  AccessRequestBody,
  AccessRequestListQuery,
  AccessRequestPage,
  DecisionBody,
  MatchInput,
  MatchResult,
  Merge,
  MergeBody,
  MergeListQuery,
  MergePage,
  ReviewBody,
} from '../../contract/matching.ts';
import { askAccess, decideAccess, listAccessRequests } from './access-requests.ts';
import { findCandidates } from './candidates.ts';
import { listMerges, proposeMerge, reviewMerge } from './merges.ts';
import './constraints.ts';

const tags = ['beneficiaries'];
const IdParams = z.strictObject({ id: Uuid });

export function matchingRoutes(api: Api, ctx: ServerContext): void {
  // A POST because the input is personal data (never in a URL or an access log line).
  api.post('/api/persons/match', { schema: { tags, body: MatchInput, response: { 200: MatchResult } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => findCandidates(tx, request.body)),
  );

  api.get('/api/persons/merges', { schema: { tags, querystring: MergeListQuery, response: { 200: MergePage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.merge', (tx, user) => listMerges(tx, user, request.query, request.lang)),
  );
  api.post('/api/persons/merges', { schema: { tags, body: MergeBody, response: { 201: Merge } } }, async (request, reply) => {
    const merge = await scoped(ctx, request, 'beneficiaries.merge', (tx, user) => proposeMerge(tx, user, request.body, request.lang));
    return reply.code(201).send(merge);
  });
  for (const action of ['approve', 'reject', 'revert'] as const) {
    api.post(`/api/persons/merges/:id/${action}`, { schema: { tags, params: IdParams, body: ReviewBody.optional(), response: { 200: Merge } } }, (request) =>
      scoped(ctx, request, 'beneficiaries.merge', (tx, user) => reviewMerge(tx, user, request.params.id, action, request.body?.note ?? null, request.lang)),
    );
  }

  api.post('/api/persons/:id/access-requests', { schema: { tags, params: IdParams, body: AccessRequestBody, response: { 201: AccessRequest } } }, async (request, reply) => {
    const asked = await scoped(ctx, request, 'beneficiaries.receive', (tx) => askAccess(tx, request.params.id, request.body, request.lang));
    return reply.code(201).send(asked);
  });
  api.get('/api/access-requests', { schema: { tags, querystring: AccessRequestListQuery, response: { 200: AccessRequestPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx, user) => listAccessRequests(tx, user, request.query, request.lang)),
  );
  for (const [action, grant] of [['grant', true], ['refuse', false]] as const) {
    api.post(`/api/access-requests/:id/${action}`, { schema: { tags, params: IdParams, body: DecisionBody.optional(), response: { 200: AccessRequest } } }, (request) =>
      scoped(ctx, request, 'beneficiaries.privacy', (tx) => decideAccess(tx, request.params.id, grant, request.body?.note ?? null, request.lang)),
    );
  }
}
