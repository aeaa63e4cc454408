/** HTTP routes of the approval workflow: the inbox, its count, a submission and its actions. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { Uuid } from '../../contract/common.ts';
import { ActionBody, InboxCount, InboxPage, InboxQuery, Submission } from '../contract.ts';
import { documentTypes } from '../document-types.ts';
import { act, findSubmission, inbox, inboxCount } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['approvals'];

export function approvalsRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/approvals/inbox', { schema: { tags, querystring: InboxQuery, response: { 200: InboxPage } } }, (request) =>
    scoped(ctx, request, 'approvals.inbox', (tx, user) => inbox(tx, user, documentTypes(), request.query)),
  );

  api.get('/api/approvals/inbox/count', { schema: { tags, response: { 200: InboxCount } } }, (request) =>
    scoped(ctx, request, 'approvals.inbox', async (tx, user) => ({ count: await inboxCount(tx, user, documentTypes()) })),
  );

  api.get('/api/approvals/submissions/:id', { schema: { tags, params: IdParams, response: { 200: Submission } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => (await findSubmission(tx, user, { id: request.params.id })) ?? Promise.reject(notFound())),
  );

  api.post('/api/approvals/submissions/:id/actions', { schema: { tags, params: IdParams, body: ActionBody, response: { 200: Submission } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => act(tx, user, request.params.id, request.body)),
  );
}
