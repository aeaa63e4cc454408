/** The matching part of the beneficiaries API (issue 6 item 3): candidates, merges, access and transfer requests. */
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import { MatchInput, MatchResult } from '../../contract/matching.ts';
import { findCandidates } from './candidates.ts';

const tags = ['beneficiaries'];

export function matchingRoutes(api: Api, ctx: ServerContext): void {
  // A POST because the input is personal data (never in a URL or an access log line).
  api.post('/api/persons/match', { schema: { tags, body: MatchInput, response: { 200: MatchResult } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => findCandidates(tx, request.body)),
  );
}
