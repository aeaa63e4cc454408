/** HTTP routes of conventions: list and export, drafting by section, signature, amendments, closing or cancelling, PDF. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import { REPORT_TYPES } from '../../../../platform/reports/requests.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import {
  AmendmentBody,
  CancelConventionBody,
  CloseConventionBody,
  Convention,
  ConventionExportQuery,
  ConventionListQuery,
  ConventionPage,
  CreateConventionBody,
  FundingBody,
  PdfQuery,
  SignAmendmentBody,
  SignBody,
  SignatoriesBody,
  TermsBody,
} from './contract.ts';
import { findConventions } from './queries.ts';
import { cancelConvention, closeConvention, createConvention, getConvention, openAmendment, parseConventionCursor, replaceSignatories, signAmendment, signConvention, updateFunding, updateTerms } from './service.ts';
import { conventionsXlsx } from './export.ts';
import { conventionPdf } from './pdf.ts';
import './documents.ts';
import './transitions.ts';

const IdParams = z.strictObject({ id: Uuid });
const AmendmentParams = z.strictObject({ id: Uuid, amendment: z.coerce.number().int().min(1).max(99) });
const tags = ['subsidies'];
const base = '/api/subsidies/conventions';

export function conventionRoutes(api: Api, ctx: ServerContext): void {
  api.get(base, { schema: { tags, querystring: ConventionListQuery, response: { 200: ConventionPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', async (tx) => {
      const { after, limit, ...filters } = request.query;
      const rows = await findConventions(tx, filters, { after: parseConventionCursor(after), limit: limit + 1, today: todayInMorocco() });
      const items = rows.slice(0, limit).map(({ regionId: _r, delegationId: _d, ...summary }) => summary);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? `${last.startsOn}|${last.id}` : null };
    }),
  );

  api.get(`${base}/export.xlsx`, { schema: { tags, querystring: ConventionExportQuery } }, async (request, reply) => {
    const { lang, ...filters } = request.query;
    const language = lang ?? request.lang;
    const file = await scoped(ctx, request, 'subsidies.read', (tx, user) => conventionsXlsx(tx, user, filters, language));
    const name = `${language === 'ar' ? 'itifaqiyat' : 'conventions'}-${todayInMorocco()}.xlsx`;
    return reply.header('content-type', REPORT_TYPES.xlsx).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').send(file);
  });

  api.post(base, { schema: { tags, body: CreateConventionBody, response: { 201: Convention } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'subsidies.manage', (tx, user) => createConvention(tx, user, request.body));
    return reply.code(201).send(created);
  });

  api.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => getConvention(tx, user, request.params.id)),
  );

  api.get(`${base}/:id/convention.pdf`, { schema: { tags, params: IdParams, querystring: PdfQuery } }, async (request, reply) => {
    const language = request.query.lang ?? request.lang;
    const pdf = await scoped(ctx, request, 'subsidies.read', (tx, user) => conventionPdf(tx, user, request.params.id, language));
    return reply.type(REPORT_TYPES.pdf).header('content-disposition', `attachment; filename="convention-${request.params.id}-${language}.pdf"`).header('cache-control', 'private, no-store').send(pdf);
  });

  api.patch(`${base}/:id/terms`, { schema: { tags, params: IdParams, body: TermsBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => updateTerms(tx, user, request.params.id, request.body)),
  );

  api.patch(`${base}/:id/funding`, { schema: { tags, params: IdParams, body: FundingBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => updateFunding(tx, user, request.params.id, request.body)),
  );

  api.patch(`${base}/:id/signatories`, { schema: { tags, params: IdParams, body: SignatoriesBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => replaceSignatories(tx, user, request.params.id, request.body)),
  );

  api.post(`${base}/:id/sign`, { schema: { tags, params: IdParams, body: SignBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => signConvention(tx, user, request.params.id, request.body)),
  );

  api.post(`${base}/:id/amendments`, { schema: { tags, params: IdParams, body: AmendmentBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => openAmendment(tx, user, request.params.id, request.body)),
  );

  api.post(`${base}/:id/amendments/:amendment/sign`, { schema: { tags, params: AmendmentParams, body: SignAmendmentBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => signAmendment(tx, user, request.params.id, request.params.amendment, request.body.signedOn)),
  );

  api.post(`${base}/:id/close`, { schema: { tags, params: IdParams, body: CloseConventionBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => closeConvention(tx, user, request.params.id, request.body)),
  );

  api.post(`${base}/:id/cancel`, { schema: { tags, params: IdParams, body: CancelConventionBody, response: { 200: Convention } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => cancelConvention(tx, user, request.params.id, request.body)),
  );
}
