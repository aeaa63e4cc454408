/** HTTP routes of the institutions: parse (contract schemas), call the queries or the service, answer. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { notFound } from '../../../../server/errors.ts';
import { Ok, Uuid } from '../../../../platform/contract/common.ts';
import {
  CommitteeMemberBody,
  CreateInstitutionBody,
  Institution,
  InstitutionExportQuery,
  InstitutionListQuery,
  InstitutionPage,
  RoomBody,
  ServicesBody,
  UpdateInstitutionBody,
} from '../../contract/institutions.ts';
import { exportInstitutions } from './export.ts';
import { findInstitution, listInstitutions } from './queries.ts';
import {
  addCommitteeMember,
  addRoom,
  createInstitution,
  deleteCommitteeMember,
  deleteRoom,
  replaceServices,
  updateCommitteeMember,
  updateInstitution,
  updateRoom,
} from './service.ts';

const tags = ['registry'];
const IdParams = z.strictObject({ id: Uuid });
const RoomParams = z.strictObject({ id: Uuid, roomId: Uuid });
const MemberParams = z.strictObject({ id: Uuid, memberId: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function institutionRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/institutions', { schema: { tags, querystring: InstitutionListQuery, response: { 200: InstitutionPage } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx, user) => listInstitutions(tx, user, request.query, request.lang)),
  );

  api.get('/api/institutions/export.xlsx', { schema: { tags, querystring: InstitutionExportQuery } }, async (request, reply) => {
    const lang = request.query.lang ?? request.lang;
    const file = await scoped(ctx, request, 'registry.read', (tx, user) => exportInstitutions(tx, user, request.query, lang));
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${lang === 'ar' ? 'institutions' : 'etablissements'}-${stamp}.xlsx"`)
      .send(file);
  });

  api.post('/api/institutions', { schema: { tags, body: CreateInstitutionBody, response: { 201: Institution } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'registry.create', (tx) => createInstitution(tx, request.body));
    return reply.code(201).send(created);
  });

  api.get('/api/institutions/:id', { schema: { tags, params: IdParams, response: { 200: Institution } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => (await findInstitution(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.patch('/api/institutions/:id', { schema: { tags, params: IdParams, body: UpdateInstitutionBody, response: { 200: Institution } } }, (request) =>
    scoped(ctx, request, 'registry.write', (tx) => updateInstitution(tx, request.params.id, request.body)),
  );

  /** Each write of a sub-resource answers the whole record, so the page refreshes in one step. */
  const writeThen = (id: string) => async (tx: Parameters<Parameters<typeof scoped>[3]>[0]) => (await findInstitution(tx, id)) ?? Promise.reject(notFound());

  api.post('/api/institutions/:id/rooms', { schema: { tags, params: IdParams, body: RoomBody, response: { 201: Institution } } }, async (request, reply) => {
    const institution = await scoped(ctx, request, 'registry.write', async (tx) => {
      await addRoom(tx, request.params.id, request.body);
      return writeThen(request.params.id)(tx);
    });
    return reply.code(201).send(institution);
  });

  api.patch('/api/institutions/:id/rooms/:roomId', { schema: { tags, params: RoomParams, body: RoomBody, response: { 200: Institution } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => {
      await updateRoom(tx, request.params.id, request.params.roomId, request.body);
      return writeThen(request.params.id)(tx);
    }),
  );

  api.delete('/api/institutions/:id/rooms/:roomId', { schema: { tags, params: RoomParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => {
      await deleteRoom(tx, request.params.id, request.params.roomId);
      return { ok: true as const };
    }),
  );

  // The whole set of services at once (replace-all).
  api.put('/api/institutions/:id/services', { schema: { tags, params: IdParams, body: ServicesBody, response: { 200: Institution } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => {
      await replaceServices(tx, request.params.id, request.body);
      return writeThen(request.params.id)(tx);
    }),
  );

  api.post('/api/institutions/:id/committee', { schema: { tags, params: IdParams, body: CommitteeMemberBody, response: { 201: Institution } } }, async (request, reply) => {
    const institution = await scoped(ctx, request, 'registry.write', async (tx) => {
      await addCommitteeMember(tx, request.params.id, request.body);
      return writeThen(request.params.id)(tx);
    });
    return reply.code(201).send(institution);
  });

  api.patch('/api/institutions/:id/committee/:memberId', { schema: { tags, params: MemberParams, body: CommitteeMemberBody, response: { 200: Institution } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => {
      await updateCommitteeMember(tx, request.params.id, request.params.memberId, request.body);
      return writeThen(request.params.id)(tx);
    }),
  );

  api.delete('/api/institutions/:id/committee/:memberId', { schema: { tags, params: MemberParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'registry.write', async (tx) => {
      await deleteCommitteeMember(tx, request.params.id, request.params.memberId);
      return { ok: true as const };
    }),
  );
}
