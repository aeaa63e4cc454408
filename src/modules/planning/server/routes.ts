/** HTTP routes of the planning module: annual action plans and the editing of their sections. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import type { Api } from '../../../server/module.ts';
import { Uuid } from '../../../platform/contract/common.ts';
import { ActivitiesBody, CreatePlanBody, DiagnosisBody, ObjectivesBody, Plan, PlanListQuery, PlanPage } from '../contract.ts';
import { findPlans } from './queries.ts';
import { createPlan, getPlan, parsePlanCursor, replaceActivities, replaceObjectives, updateDiagnosis } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['planning'];

export function planningRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/planning/plans', { schema: { tags, querystring: PlanListQuery, response: { 200: PlanPage } } }, (request) =>
    scoped(ctx, request, 'planning.read', async (tx) => {
      const q = request.query;
      const rows = await findPlans(tx, { year: q.year, state: q.state, after: parsePlanCursor(q.after), limit: q.limit + 1 });
      const items = rows.slice(0, q.limit).map(({ diagnosis: _diagnosis, ...summary }) => summary);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > q.limit && last ? `${last.year}|${last.id}` : null };
    }),
  );

  api.post('/api/planning/plans', { schema: { tags, body: CreatePlanBody, response: { 200: Plan } } }, (request) =>
    scoped(ctx, request, 'planning.read', (tx, user) => createPlan(tx, user, request.body)),
  );

  api.get('/api/planning/plans/:id', { schema: { tags, params: IdParams, response: { 200: Plan } } }, (request) =>
    scoped(ctx, request, 'planning.read', (tx, user) => getPlan(tx, user, request.params.id)),
  );

  api.patch('/api/planning/plans/:id/diagnosis', { schema: { tags, params: IdParams, body: DiagnosisBody, response: { 200: Plan } } }, (request) =>
    scoped(ctx, request, 'planning.read', (tx, user) => updateDiagnosis(tx, user, request.params.id, request.body)),
  );

  api.patch('/api/planning/plans/:id/objectives', { schema: { tags, params: IdParams, body: ObjectivesBody, response: { 200: Plan } } }, (request) =>
    scoped(ctx, request, 'planning.read', (tx, user) => replaceObjectives(tx, user, request.params.id, request.body)),
  );

  api.patch('/api/planning/plans/:id/activities', { schema: { tags, params: IdParams, body: ActivitiesBody, response: { 200: Plan } } }, (request) =>
    scoped(ctx, request, 'planning.read', (tx, user) => replaceActivities(tx, user, request.params.id, request.body)),
  );
}
