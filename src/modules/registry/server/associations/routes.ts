/** HTTP routes of the associations (founders) and their board members. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Language, Uuid } from '../../../../platform/contract/common.ts';
import { REPORT_TYPES } from '../../../../platform/reports/requests.ts';
import {
  Association,
  AssociationFilters,
  AssociationListQuery,
  AssociationPage,
  BoardMember,
  BoardMemberBody,
  CreateAssociationBody,
  UpdateAssociationBody,
  UpdateBoardMemberBody,
} from '../../contract/associations.ts';
import './constraints.ts';
import './documents.ts';
import { associationsXlsx } from './export.ts';
import { decodeCursor, encodeCursor, findAssociations } from './queries.ts';
import { addBoardMember, createAssociation, getAssociation, removeBoardMember, updateAssociation, updateBoardMember } from './service.ts';

const tags = ['registry'];
const IdParams = z.strictObject({ id: Uuid });
const MemberParams = z.strictObject({ id: Uuid, memberId: Uuid });
const BoardMembers = z.object({ items: z.array(BoardMember) });
const ExportQuery = AssociationFilters.extend({ lang: Language.optional() });

export function associationRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/associations', { schema: { tags, querystring: AssociationListQuery, response: { 200: AssociationPage } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => {
      const { after, limit, ...filters } = request.query;
      const page = await findAssociations(tx, { ...filters, after: after ? decodeCursor(after) : undefined, limit: limit + 1 });
      const items = page.items.slice(0, limit);
      const last = items[items.length - 1];
      const byArabic = filters.sort === 'nameAr' || filters.sort === '-nameAr';
      return { items, nextCursor: page.items.length > limit && last ? encodeCursor(byArabic ? last.nameAr : last.nameFr, last.id) : null };
    }),
  );

  api.get('/api/associations/export.xlsx', { schema: { tags, querystring: ExportQuery } }, async (request, reply) => {
    const { lang, ...filters } = request.query;
    const file = await scoped(ctx, request, 'registry.read', (tx, user) => associationsXlsx(tx, user, filters, lang ?? user.language));
    const name = `${(lang ?? request.lang) === 'ar' ? 'jamiyat' : 'associations'}-${new Date().toISOString().slice(0, 10)}.xlsx`;
    return reply
      .header('content-type', REPORT_TYPES.xlsx)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  });

  api.post('/api/associations', { schema: { tags, body: CreateAssociationBody, response: { 201: Association } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'registry.create', (tx) => createAssociation(tx, request.body));
    return reply.code(201).send(created);
  });

  api.get('/api/associations/:id', { schema: { tags, params: IdParams, response: { 200: Association } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => getAssociation(tx, request.params.id)),
  );

  api.patch('/api/associations/:id', { schema: { tags, params: IdParams, body: UpdateAssociationBody, response: { 200: Association } } }, (request) =>
    scoped(ctx, request, 'registry.write', (tx) => updateAssociation(tx, request.params.id, request.body)),
  );

  api.post('/api/associations/:id/board-members', { schema: { tags, params: IdParams, body: BoardMemberBody, response: { 201: BoardMembers } } }, async (request, reply) => {
    const items = await scoped(ctx, request, 'registry.write', (tx) => addBoardMember(tx, request.params.id, request.body));
    return reply.code(201).send({ items });
  });

  api.patch('/api/associations/:id/board-members/:memberId', { schema: { tags, params: MemberParams, body: UpdateBoardMemberBody, response: { 200: BoardMembers } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => ({ items: await updateBoardMember(tx, request.params.id, request.params.memberId, request.body) })),
  );

  api.delete('/api/associations/:id/board-members/:memberId', { schema: { tags, params: MemberParams, response: { 200: BoardMembers } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => ({ items: await removeBoardMember(tx, request.params.id, request.params.memberId) })),
  );
}
