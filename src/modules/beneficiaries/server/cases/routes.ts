/** The cases part of the beneficiaries API (issue 6 item 4): the Jisr pathway of a case file. */
import { z } from 'zod';
import type { Api } from '../../../../server/module.ts';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import {
  CaseFile,
  Caseload,
  CaseListQuery,
  CasePage,
  DeclineBody,
  DiagnosisBody,
  DiagnosisFormList,
  EmptyBody,
  FollowUpBody,
  NoteBody,
  PlanBody,
  ReferralBody,
  ReferralItem,
  ReferralListQuery,
  ReferralPage,
  UpdateCaseBody,
  UpdatePlanBody,
} from '../../contract/cases.ts';
import './constraints.ts';
import './subject.ts';
import './transitions.ts';
import './deadlines.ts';
import { caseload, findCaseFile, listCases, listReferrals } from './queries.ts';
import {
  actOnReferral,
  addDiagnosis,
  addNote,
  addReferral,
  createPlan,
  diagnosisForms,
  findReferral,
  recordFollowUp,
  submitPlan,
  updateCase,
  updatePlan,
  type ReferralAction,
} from './service.ts';
import type { Tx } from '../../../../server/context.ts';

const tags = ['beneficiaries'];
const IdParams = z.strictObject({ id: Uuid });

/** Every write answers the whole case file (its reading logged), so the page refreshes in one step. */
const fileOf = async (tx: Tx, caseId: string) => (await findCaseFile(tx, caseId)) ?? Promise.reject(notFound());

export function casesRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/cases', { schema: { tags, querystring: CaseListQuery, response: { 200: CasePage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx, user) => listCases(tx, user, request.query)),
  );

  api.get('/api/caseload', { schema: { tags, response: { 200: Caseload } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', (tx, user) => caseload(tx, user)),
  );

  api.get('/api/cases/:id', { schema: { tags, params: IdParams, response: { 200: CaseFile } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => fileOf(tx, request.params.id)),
  );

  api.patch('/api/cases/:id', { schema: { tags, params: IdParams, body: UpdateCaseBody, response: { 200: CaseFile } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', async (tx) => {
      await updateCase(tx, request.params.id, request.body);
      return fileOf(tx, request.params.id);
    }),
  );

  api.get('/api/cases/:id/diagnosis-forms', { schema: { tags, params: IdParams, response: { 200: DiagnosisFormList } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx) => diagnosisForms(tx, request.params.id)),
  );

  api.post('/api/cases/:id/diagnoses', { schema: { tags, params: IdParams, body: DiagnosisBody, response: { 201: CaseFile } } }, async (request, reply) => {
    const file = await scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
      await addDiagnosis(tx, user, request.params.id, request.body);
      return fileOf(tx, request.params.id);
    });
    return reply.code(201).send(file);
  });

  api.post('/api/cases/:id/referrals', { schema: { tags, params: IdParams, body: ReferralBody, response: { 201: ReferralItem } } }, async (request, reply) => {
    const referral = await scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
      const id = await addReferral(tx, user, request.params.id, request.body);
      return (await findReferral(tx, user, id))!;
    });
    return reply.code(201).send(referral);
  });

  api.get('/api/referrals', { schema: { tags, querystring: ReferralListQuery, response: { 200: ReferralPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', (tx, user) => listReferrals(tx, user, request.query)),
  );

  for (const action of ['accept', 'complete', 'cancel'] as const satisfies ReferralAction[]) {
    api.post(`/api/referrals/:id/${action}`, { schema: { tags, params: IdParams, body: EmptyBody, response: { 200: ReferralItem } } }, (request) =>
      scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
        await actOnReferral(tx, user, request.params.id, action);
        return (await findReferral(tx, user, request.params.id))!;
      }),
    );
  }
  api.post('/api/referrals/:id/decline', { schema: { tags, params: IdParams, body: DeclineBody, response: { 200: ReferralItem } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
      await actOnReferral(tx, user, request.params.id, 'decline', request.body.reason);
      return (await findReferral(tx, user, request.params.id))!;
    }),
  );

  api.post('/api/cases/:id/plans', { schema: { tags, params: IdParams, body: PlanBody, response: { 201: CaseFile } } }, async (request, reply) => {
    const file = await scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
      await createPlan(tx, user, request.params.id, request.body);
      return fileOf(tx, request.params.id);
    });
    return reply.code(201).send(file);
  });

  api.patch('/api/plans/:id', { schema: { tags, params: IdParams, body: UpdatePlanBody, response: { 200: CaseFile } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', async (tx) => fileOf(tx, await updatePlan(tx, request.params.id, request.body))),
  );

  api.post('/api/plans/:id/submit', { schema: { tags, params: IdParams, body: EmptyBody, response: { 200: CaseFile } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', async (tx, user) => fileOf(tx, await submitPlan(tx, user, request.params.id))),
  );

  api.post('/api/cases/:id/notes', { schema: { tags, params: IdParams, body: NoteBody, response: { 201: CaseFile } } }, async (request, reply) => {
    const file = await scoped(ctx, request, 'beneficiaries.case', async (tx, user) => {
      await addNote(tx, user, request.params.id, request.body);
      return fileOf(tx, request.params.id);
    });
    return reply.code(201).send(file);
  });

  api.post('/api/follow-ups/:id', { schema: { tags, params: IdParams, body: FollowUpBody, response: { 200: z.object({ id: Uuid, caseId: Uuid.nullable() }) } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.case', async (tx, user) => ({ id: request.params.id, caseId: await recordFollowUp(tx, user, request.params.id, request.body) })),
  );
}
