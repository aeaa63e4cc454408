/** HTTP routes of the budget part: the chart (/api/finance/chart…) and the budgets (/api/finance/budgets…). */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Ok, Uuid } from '../../../../platform/contract/common.ts';
import {
  AmountsBody,
  Budget,
  BudgetListQuery,
  BudgetPage,
  Chart,
  ChartLine,
  ChartQuery,
  CreateBudgetBody,
  CreateLineBody,
  DailyCost,
  DailyCostBody,
  DailyCostParams,
  DailyCostQuery,
  DailyCosts,
  RevisionBody,
  UpdateLineBody,
} from './contract.ts';
import { createLine, deleteDailyCost, findDailyCosts, putDailyCost, updateLine } from './chart.ts';
import { findBudgets, findChart } from './queries.ts';
import { budgetCursor, createBudget, getBudget, parseBudgetCursor, replaceAmounts, reviseBudget, startFromActuals } from './service.ts';

const IdParams = z.strictObject({ id: Uuid });
const CodeParams = z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/) });
const tags = ['finance'];

export function budgetRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/finance/chart', { schema: { tags, querystring: ChartQuery, response: { 200: Chart } } }, (request) =>
    scoped(ctx, request, 'finance.read', async (tx) => ({ year: request.query.year ?? null, items: await findChart(tx, request.query.year) })),
  );
  api.post('/api/finance/chart', { schema: { tags, body: CreateLineBody, response: { 200: ChartLine } } }, (request) =>
    scoped(ctx, request, 'reference.manage', (tx) => createLine(tx, request.body)),
  );
  api.put('/api/finance/chart/lines/:code', { schema: { tags, params: CodeParams, body: UpdateLineBody, response: { 200: ChartLine } } }, (request) =>
    scoped(ctx, request, 'reference.manage', (tx) => updateLine(tx, request.params.code, request.body)),
  );

  api.get('/api/finance/chart/daily-costs', { schema: { tags, querystring: DailyCostQuery, response: { 200: DailyCosts } } }, (request) =>
    scoped(ctx, request, 'finance.read', async (tx) => ({ items: await findDailyCosts(tx, request.query.year) })),
  );
  api.put('/api/finance/chart/daily-costs/:category/:year', { schema: { tags, params: DailyCostParams, body: DailyCostBody, response: { 200: DailyCost } } }, (request) =>
    scoped(ctx, request, 'reference.manage', (tx) => putDailyCost(tx, request.params.category, request.params.year, request.body)),
  );
  api.delete('/api/finance/chart/daily-costs/:category/:year', { schema: { tags, params: DailyCostParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'reference.manage', async (tx) => {
      await deleteDailyCost(tx, request.params.category, request.params.year);
      return { ok: true as const };
    }),
  );

  api.get('/api/finance/budgets', { schema: { tags, querystring: BudgetListQuery, response: { 200: BudgetPage } } }, (request) =>
    scoped(ctx, request, 'finance.read', async (tx) => {
      const q = request.query;
      const rows = await findBudgets(tx, { year: q.year, institutionId: q.institutionId, state: q.state, after: parseBudgetCursor(q.after), limit: q.limit + 1 });
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > q.limit && last ? budgetCursor(last) : null };
    }),
  );
  api.post('/api/finance/budgets', { schema: { tags, body: CreateBudgetBody, response: { 200: Budget } } }, (request) =>
    scoped(ctx, request, 'finance.budget', (tx, user) => createBudget(tx, user, request.body)),
  );
  api.get('/api/finance/budgets/:id', { schema: { tags, params: IdParams, response: { 200: Budget } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx, user) => getBudget(tx, user, request.params.id)),
  );
  api.put('/api/finance/budgets/:id/amounts', { schema: { tags, params: IdParams, body: AmountsBody, response: { 200: Budget } } }, (request) =>
    scoped(ctx, request, 'finance.budget', (tx, user) => replaceAmounts(tx, user, request.params.id, request.body)),
  );
  api.post('/api/finance/budgets/:id/from-actuals', { schema: { tags, params: IdParams, response: { 200: Budget } } }, (request) =>
    scoped(ctx, request, 'finance.budget', (tx, user) => startFromActuals(tx, user, request.params.id)),
  );
  api.post('/api/finance/budgets/:id/revisions', { schema: { tags, params: IdParams, body: RevisionBody, response: { 200: Budget } } }, (request) =>
    scoped(ctx, request, 'finance.budget', (tx, user) => reviseBudget(tx, user, request.params.id, request.body.note)),
  );
}
