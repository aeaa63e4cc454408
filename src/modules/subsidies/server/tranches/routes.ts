/** HTTP routes of the tranches part (fixed prefixes: /api/subsidies/tranches…, /api/subsidies/conventions/:id/tranches). */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Language, Uuid } from '../../../../platform/contract/common.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import {
  ConfirmConditionBody, ConventionTranches, DisburseBody, DuePage, DueQuery, PlanTrancheBody, ReleaseTrancheBody, RescheduleTrancheBody, Tranche,
} from '../../contract/tranches.ts';
import { paymentStatementPdf } from './pdf.ts';
import { findDue, getConventionTranches, getTranche } from './queries.ts';
import { cancelTranche, confirmCondition, deleteTranche, disburse, planTranche, releaseTranche, rescheduleTranche } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const ConditionParams = z.strictObject({ id: Uuid, code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/) });
const PdfQuery = z.strictObject({ lang: Language.default('ar') });
const tags = ['subsidies'];

function parseDueCursor(after: string | undefined): { plannedOn: string; id: string } | undefined {
  if (!after) return undefined;
  const [plannedOn, id] = after.split('|');
  return plannedOn && id && /^\d{4}-\d{2}-\d{2}$/.test(plannedOn) && Uuid.safeParse(id).success ? { plannedOn, id } : undefined;
}

export function trancheRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/subsidies/conventions/:id/tranches', { schema: { tags, params: IdParams, response: { 200: ConventionTranches } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx) => getConventionTranches(tx, request.params.id)),
  );

  api.post('/api/subsidies/conventions/:id/tranches', { schema: { tags, params: IdParams, body: PlanTrancheBody, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx) => planTranche(tx, request.params.id, request.body)),
  );

  api.get('/api/subsidies/conventions/:id/tranches/statement.pdf', { schema: { tags, params: IdParams, querystring: PdfQuery } }, async (request, reply) => {
    const pdf = await scoped(ctx, request, 'subsidies.read', (tx, user) => paymentStatementPdf(tx, user, request.params.id, request.query.lang));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="payments-${request.params.id}-${request.query.lang}.pdf"`).send(pdf);
  });

  api.get('/api/subsidies/tranches/due', { schema: { tags, querystring: DueQuery, response: { 200: DuePage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx) => {
      const q = request.query;
      return findDue(tx, { month: q.month ?? todayInMorocco().slice(0, 7), delegationId: q.delegationId, after: parseDueCursor(q.after), limit: q.limit });
    }),
  );

  api.get('/api/subsidies/tranches/:id', { schema: { tags, params: IdParams, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx) => getTranche(tx, request.params.id)),
  );

  api.patch('/api/subsidies/tranches/:id', { schema: { tags, params: IdParams, body: RescheduleTrancheBody, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx) => rescheduleTranche(tx, request.params.id, request.body)),
  );

  api.delete('/api/subsidies/tranches/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    await scoped(ctx, request, 'subsidies.manage', (tx) => deleteTranche(tx, request.params.id));
    return reply.code(204).send();
  });

  api.post('/api/subsidies/tranches/:id/conditions/:code', { schema: { tags, params: ConditionParams, body: ConfirmConditionBody, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx) => confirmCondition(tx, request.params.id, request.params.code, request.body)),
  );

  api.post('/api/subsidies/tranches/:id/release', { schema: { tags, params: IdParams, body: ReleaseTrancheBody, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => releaseTranche(tx, user, request.params.id, request.body)),
  );

  api.post('/api/subsidies/tranches/:id/cancel', { schema: { tags, params: IdParams, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx) => cancelTranche(tx, request.params.id)),
  );

  api.post('/api/subsidies/tranches/:id/disbursements', { schema: { tags, params: IdParams, body: DisburseBody, response: { 200: Tranche } } }, (request) =>
    scoped(ctx, request, 'subsidies.pay', (tx) => disburse(tx, request.params.id, request.body)),
  );
}
