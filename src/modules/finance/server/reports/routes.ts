/**
 * HTTP routes of the finance reports: /api/finance/reports… (one institution) and
 * /api/finance/consolidation (delegation, region, nation). Every read runs under the caller's
 * row-level security; an institution out of scope answers 404.
 */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import { annualReportFile, findFinancialReport, prepareFinancialReport } from './annual-report.ts';
import { budgetVsActual } from './budget-vs-actual.ts';
import { consolidation } from './consolidation.ts';
import { BudgetVsActual, Consolidation, ConsolidationQuery, FinancialReport, FinancialReportBody, Indicators, ReportFileQuery, YearQuery } from './contract.ts';
import { indicators } from './indicators.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['finance'];
const base = '/api/finance/reports/institutions/:id';
const fileTypes = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function reportRoutes(api: Api, ctx: ServerContext): void {
  api.get(`${base}/budget-vs-actual`, { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: BudgetVsActual } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => budgetVsActual(tx, request.params.id, request.query.year)),
  );

  api.get(`${base}/indicators`, { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: Indicators } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => indicators(tx, request.params.id, request.query.year)),
  );

  api.get(`${base}/annual`, { schema: { tags, params: IdParams, querystring: ReportFileQuery } }, async (request, reply) => {
    const { year, lang, format } = request.query;
    const file = await scoped(ctx, request, 'finance.read', (tx) => annualReportFile(tx, request.params.id, year, lang, format));
    return reply
      .type(fileTypes[format])
      .header('content-disposition', `attachment; filename="financial-report-${year}-${request.params.id}-${lang}.${format}"`)
      .send(file);
  });

  api.get(`${base}/financial-report`, { schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: FinancialReport.nullable() } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx, user) => findFinancialReport(tx, user, request.params.id, request.query.year)),
  );

  api.post(`${base}/financial-report`, { schema: { tags, params: IdParams, body: FinancialReportBody, response: { 200: FinancialReport } } }, (request) =>
    scoped(ctx, request, 'finance.keep', (tx, user) => prepareFinancialReport(tx, user, request.params.id, request.body.year)),
  );

  api.get('/api/finance/consolidation', { schema: { tags, querystring: ConsolidationQuery, response: { 200: Consolidation } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx, user) => consolidation(tx, user, request.query)),
  );
}
