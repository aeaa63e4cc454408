/** HTTP routes of the forms service: parse (contract schemas), call the service, answer. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { Uuid } from '../../contract/common.ts';
import {
  CreateFormBody,
  CreateResponseBody,
  Form,
  FormListQuery,
  FormPage,
  FormResponse,
  FormVersion,
  ResponseListQuery,
  ResponsePage,
  SaveDefinitionBody,
  SaveResponseBody,
  UpdateFormBody,
} from '../contract.ts';
import { findForms, findResponse, findResponses, findVersion } from './queries.ts';
import { createForm, createResponse, newVersion, publishVersion, saveDefinition, saveResponse, updateForm } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['forms'];

export function formsRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/forms', { schema: { tags, querystring: FormListQuery, response: { 200: FormPage } } }, (request) =>
    scoped(ctx, request, 'forms.read', async (tx) => {
      const q = request.query;
      const rows = await findForms(tx, { ...q, limit: q.limit + 1 });
      const items = rows.slice(0, q.limit);
      return { items, nextCursor: rows.length > q.limit ? items[items.length - 1]!.code : null };
    }),
  );

  api.post('/api/forms', { schema: { tags, body: CreateFormBody, response: { 201: Form } } }, async (request, reply) => {
    const form = await scoped(ctx, request, 'forms.design', (tx, user) => createForm(tx, user, request.body));
    return reply.code(201).send(form);
  });

  api.get('/api/forms/:id', { schema: { tags, params: IdParams, response: { 200: Form } } }, (request) =>
    scoped(ctx, request, 'forms.read', async (tx) => (await findForms(tx, { ids: [request.params.id] }))[0] ?? Promise.reject(notFound())),
  );

  api.patch('/api/forms/:id', { schema: { tags, params: IdParams, body: UpdateFormBody, response: { 200: Form } } }, (request) =>
    scoped(ctx, request, 'forms.design', (tx, user) => updateForm(tx, user, request.params.id, request.body)),
  );

  api.post('/api/forms/:id/versions', { schema: { tags, params: IdParams, response: { 201: FormVersion } } }, async (request, reply) => {
    const version = await scoped(ctx, request, 'forms.design', (tx, user) => newVersion(tx, user, request.params.id));
    return reply.code(201).send(version);
  });

  api.get('/api/forms/versions/:id', { schema: { tags, params: IdParams, response: { 200: FormVersion } } }, (request) =>
    scoped(ctx, request, 'forms.read', async (tx) => (await findVersion(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.patch('/api/forms/versions/:id', { schema: { tags, params: IdParams, body: SaveDefinitionBody, response: { 200: FormVersion } } }, (request) =>
    scoped(ctx, request, 'forms.design', (tx, user) => saveDefinition(tx, user, request.params.id, request.body.definition)),
  );

  api.post('/api/forms/versions/:id/publish', { schema: { tags, params: IdParams, response: { 200: FormVersion } } }, (request) =>
    scoped(ctx, request, 'forms.design', (tx, user) => publishVersion(tx, user, request.params.id)),
  );

  api.get('/api/forms/responses', { schema: { tags, querystring: ResponseListQuery, response: { 200: ResponsePage } } }, (request) =>
    scoped(ctx, request, 'forms.read', async (tx) => {
      const q = request.query;
      const { items, cursors } = await findResponses(tx, { ...q, limit: q.limit + 1 });
      const page = items.slice(0, q.limit).map(({ answers: _a, definition: _d, submittedBy: _s, ...summary }) => summary);
      return { items: page, nextCursor: items.length > q.limit ? cursors[q.limit - 1]! : null };
    }),
  );

  api.post('/api/forms/responses', { schema: { tags, body: CreateResponseBody, response: { 201: FormResponse } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'forms.answer', (tx, user) => createResponse(tx, user, request.body));
    return reply.code(201).send(created);
  });

  api.get('/api/forms/responses/:id', { schema: { tags, params: IdParams, response: { 200: FormResponse } } }, (request) =>
    scoped(ctx, request, 'forms.read', async (tx) => (await findResponse(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.patch('/api/forms/responses/:id', { schema: { tags, params: IdParams, body: SaveResponseBody, response: { 200: FormResponse } } }, (request) =>
    scoped(ctx, request, 'forms.answer', (tx, user) => saveResponse(tx, user, request.params.id, request.body)),
  );
}
