/** The reception part of the beneficiaries API (issue 6 item 2): intake, queues, assignment, case opening. */
import { z } from 'zod';
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import {
  AssignBody,
  AssignableUsers,
  CloseBody,
  IntakeBody,
  IntakeResult,
  OpenCaseBody,
  OpenCaseResult,
  ReceptionRequest,
  RequestListQuery,
  RequestPage,
  UpdateRequestBody,
} from '../../contract/reception.ts';
import { logAccess } from '../access-log.ts';
import type { Tx } from '../../../../server/context.ts';
import './constraints.ts';
import { assignableUsers, findRequest, listRequests } from './queries.ts';
import { assignRequest, closeRequest, intake, openCase, updateRequest } from './service.ts';

const tags = ['beneficiaries'];
const IdParams = z.strictObject({ id: Uuid });

/** One request as the caller may see it; reading its person's data is logged. */
async function readRequest(tx: Tx, id: string): Promise<ReceptionRequest> {
  const request = await findRequest(tx, id);
  if (!request) throw notFound();
  if (request.person) await logAccess(tx, [request.person.id], 'person');
  return request;
}

export function receptionRoutes(api: Api, ctx: ServerContext): void {
  api.post('/api/reception/intake', { schema: { tags, body: IntakeBody, response: { 201: IntakeResult } } }, async (request, reply) => {
    const result = await scoped(ctx, request, 'beneficiaries.receive', (tx, user) => intake(tx, user, request.body));
    return reply.code(201).send(result);
  });

  api.get('/api/reception/requests', { schema: { tags, querystring: RequestListQuery, response: { 200: RequestPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', (tx, user) => listRequests(tx, user, request.query)),
  );

  api.get('/api/reception/requests/:id', { schema: { tags, params: IdParams, response: { 200: ReceptionRequest } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', (tx) => readRequest(tx, request.params.id)),
  );

  api.patch('/api/reception/requests/:id', { schema: { tags, params: IdParams, body: UpdateRequestBody, response: { 200: ReceptionRequest } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await updateRequest(tx, request.params.id, request.body);
      return readRequest(tx, request.params.id);
    }),
  );

  api.get('/api/reception/requests/:id/assignable', { schema: { tags, params: IdParams, response: { 200: AssignableUsers } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => (await assignableUsers(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.post('/api/reception/requests/:id/assign', { schema: { tags, params: IdParams, body: AssignBody, response: { 200: ReceptionRequest } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await assignRequest(tx, request.params.id, request.body.userId);
      return readRequest(tx, request.params.id);
    }),
  );

  api.post('/api/reception/requests/:id/open-case', { schema: { tags, params: IdParams, body: OpenCaseBody, response: { 201: OpenCaseResult } } }, async (request, reply) => {
    const opened = await scoped(ctx, request, 'beneficiaries.case', (tx, user) => openCase(tx, user, request.params.id, request.body?.targetGroup));
    return reply.code(201).send(opened);
  });

  api.post('/api/reception/requests/:id/close', { schema: { tags, params: IdParams, body: CloseBody, response: { 200: ReceptionRequest } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', async (tx) => {
      await closeRequest(tx, request.params.id, request.body.reason, request.body.rejected);
      return readRequest(tx, request.params.id);
    }),
  );
}
