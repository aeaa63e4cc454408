/**
 * The register part of the beneficiaries API (issue 6 items 4, 5, 7): an institution's legal
 * register (page and PDF), admissions, exits and transfers, occupancy and waiting lists.
 */
import { z } from 'zod';
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import {
  Admission,
  AdmissionBody,
  AdmissionPatch,
  ExitBody,
  InstitutionOccupancy,
  OccupancyBoardPage,
  OccupancyBoardQuery,
  RegisterPage,
  RegisterPdfQuery,
  RegisterQuery,
  TransferBody,
  TransferResult,
  WaitingListQuery,
  WaitingPage,
} from '../../contract/register.ts';
import { logAccess } from '../access-log.ts';
import { institutionOccupancy, occupancyBoard, registerPage, waitingList } from './queries.ts';
import { admit, exitAdmission, transferAdmission, updateAdmission } from './service.ts';
import { registerPdf } from './pdf.ts';
import './constraints.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['beneficiaries'];
const thisYear = () => Number(new Date().toLocaleString('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric' }));

export function registerRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/institutions/:id/register', { schema: { tags, params: IdParams, querystring: RegisterQuery, response: { 200: RegisterPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', async (tx, user) => {
      const page = await registerPage(tx, request.params.id, request.query, hasPermission(user.role, 'beneficiaries.sensitive'));
      await logAccess(tx, [...new Set(page.items.map((e) => e.person.id))], 'register');
      return page;
    }),
  );

  api.get('/api/institutions/:id/register.pdf', { schema: { tags, params: IdParams, querystring: RegisterPdfQuery } }, async (request, reply) => {
    const year = request.query.year ?? thisYear();
    const pdf = await scoped(ctx, request, 'beneficiaries.read', (tx, user) =>
      registerPdf(tx, request.params.id, request.query.lang, year, hasPermission(user.role, 'beneficiaries.sensitive')));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="register-${request.params.id}-${year}-${request.query.lang}.pdf"`)
      .send(pdf);
  });

  api.post('/api/institutions/:id/admissions', { schema: { tags, params: IdParams, body: AdmissionBody, response: { 201: Admission } } }, async (request, reply) => {
    const admission = await scoped(ctx, request, 'beneficiaries.register', (tx, user) => admit(tx, user, request.params.id, request.body));
    return reply.code(201).send(admission);
  });

  api.patch('/api/admissions/:id', { schema: { tags, params: IdParams, body: AdmissionPatch, response: { 200: Admission } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.register', (tx) => updateAdmission(tx, request.params.id, request.body)),
  );

  api.post('/api/admissions/:id/exit', { schema: { tags, params: IdParams, body: ExitBody, response: { 200: Admission } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.register', (tx) => exitAdmission(tx, request.params.id, request.body)),
  );

  api.post('/api/admissions/:id/transfer', { schema: { tags, params: IdParams, body: TransferBody, response: { 200: TransferResult } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.register', (tx) => transferAdmission(tx, request.params.id, request.body)),
  );

  // Counts only (no person): read by whoever refers persons, for an institution anywhere.
  api.get('/api/institutions/:id/occupancy', { schema: { tags, params: IdParams, response: { 200: InstitutionOccupancy } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => institutionOccupancy(tx, request.params.id)),
  );

  api.get('/api/occupancy', { schema: { tags, querystring: OccupancyBoardQuery, response: { 200: OccupancyBoardPage } } }, (request) =>
    scoped(ctx, request, 'registry.read', (tx) => occupancyBoard(tx, request.query)),
  );

  api.get('/api/institutions/:id/waiting-list', { schema: { tags, params: IdParams, querystring: WaitingListQuery, response: { 200: WaitingPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => waitingList(tx, request.params.id, request.query)),
  );
}
