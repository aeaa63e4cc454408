/** HTTP routes of the licensing lifecycle: timeline and steps, clock actions, the queue and the PDFs. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import { CompleteFileBody, DuePage, DueQuery, Licensing, PdfQuery, RequestDocumentBody, StepBody } from '../../contract/licensing.ts';
import { findDue } from './queries.ts';
import { extractPdf, licencePdf } from './pdf.ts';
import { completeFile, getLicensing, recordStep, requestDocument } from './service.ts';
import './constraints.ts';
import './deadlines.ts';
import './documents.ts';
import './history.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['registry'];

export function licensingRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/institutions/:id/licensing', { schema: { tags, params: IdParams, response: { 200: Licensing } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => getLicensing(tx, request.params.id)),
  );

  // The permission depends on the step (declaring a change is also the founder's): the service checks it.
  api.post('/api/institutions/:id/licensing/steps', { schema: { tags, params: IdParams, body: StepBody, response: { 200: Licensing } } }, (request) =>
    scoped(ctx, request, 'licensing.declare', (tx, user) => recordStep(tx, user, request.params.id, request.body)),
  );

  api.post('/api/institutions/:id/licensing/request-document', { schema: { tags, params: IdParams, body: RequestDocumentBody, response: { 200: Licensing } } }, (request) =>
    scoped(ctx, request, 'licensing.record', (tx) => requestDocument(tx, request.params.id, request.body)),
  );

  api.post('/api/institutions/:id/licensing/file-complete', { schema: { tags, params: IdParams, body: CompleteFileBody, response: { 200: Licensing } } }, (request) =>
    scoped(ctx, request, 'licensing.record', (tx) => completeFile(tx, request.params.id, request.body)),
  );

  api.get('/api/licensing/due', { schema: { tags, querystring: DueQuery, response: { 200: DuePage } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => findDue(tx, request.query)),
  );

  api.get('/api/institutions/:id/licence.pdf', { schema: { tags, params: IdParams, querystring: PdfQuery } }, async (request, reply) => {
    const pdf = await scoped(ctx, request, 'registry.read', (tx, user) => licencePdf(tx, user, request.params.id, request.query.lang));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="licence-${request.params.id}-${request.query.lang}.pdf"`).send(pdf);
  });

  api.get('/api/institutions/:id/extract.pdf', { schema: { tags, params: IdParams, querystring: PdfQuery } }, async (request, reply) => {
    const pdf = await scoped(ctx, request, 'registry.read', (tx, user) => extractPdf(tx, user, request.params.id, request.query.lang));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="extract-${request.params.id}-${request.query.lang}.pdf"`).send(pdf);
  });
}
