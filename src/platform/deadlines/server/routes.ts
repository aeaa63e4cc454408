/** HTTP routes of deadlines: the "due and overdue" list of the caller's scope, and the kinds. */
import { scoped, type ServerContext } from '../../../server/context.ts';
import type { Api } from '../../../server/module.ts';
import { hasPermission } from '../../../modules/access/permissions.ts';
import { DeadlineKinds, DeadlinePage, DeadlineQuery } from '../contract.ts';
import { todayInMorocco } from './dates.ts';
import { deadlineRules } from './rules.ts';
import { listDeadlines } from './service.ts';

const tags = ['deadlines'];

export function deadlineRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/deadlines', { schema: { tags, querystring: DeadlineQuery, response: { 200: DeadlinePage } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => listDeadlines(tx, user, request.query, todayInMorocco())),
  );
  api.get('/api/deadlines/kinds', { schema: { tags, response: { 200: DeadlineKinds } } }, (request) =>
    scoped(ctx, request, null, async (_tx, user) => ({
      items: deadlineRules().filter((r) => hasPermission(user.role, r.permission)).map((r) => ({ kind: r.kind, labelKey: r.labelKey })),
    })),
  );
}
