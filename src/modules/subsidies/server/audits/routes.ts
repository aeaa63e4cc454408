/** HTTP routes of the audits part: justification of tranches (/api/subsidies/justifications…) and audit missions (/api/subsidies/audits…). */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import {
  AddLineBody, CandidateEntryPage, CandidateEntryQuery, CreateFindingBody, CreateJustificationBody, CreateMissionBody, CreateRecommendationBody,
  Justification, JustificationListQuery, JustificationPage, Mission, MissionListQuery, MissionPage, MissionTargets, MissionTargetsQuery,
  ReviewBody, TranchesToJustifyPage, TranchesToJustifyQuery, UpdateMissionBody, UpdateRecommendationBody,
} from './contract.ts';
import { page, parseDateCursor, parseInstantCursor } from './cursor.ts';
import { findCandidateEntries, findJustifications, findTranchesToJustify } from './justification-queries.ts';
import { addLine, createJustification, getJustification, removeLine, reviewJustification, submitJustification } from './justifications.ts';
import { findMissions } from './mission-queries.ts';
import { addFinding, addRecommendation, closeFinding, createMission, getMission, missionTargets, updateMission, updateRecommendation } from './missions.ts';
import './constraints.ts';
import './deadlines.ts';
import './documents.ts';

const IdParams = z.strictObject({ id: Uuid });
const LineParams = z.strictObject({ id: Uuid, lineId: Uuid });
const tags = ['subsidies'];
const base = '/api/subsidies/justifications';
const audits = '/api/subsidies/audits';

export function auditsRoutes(api: Api, ctx: ServerContext): void {
  api.get(`${base}/tranches`, { schema: { tags, querystring: TranchesToJustifyQuery, response: { 200: TranchesToJustifyPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', async (tx) => {
      const q = request.query;
      const rows = await findTranchesToJustify(tx, { outstanding: q.outstanding !== 'false', after: parseDateCursor(q.after), limit: q.limit + 1 });
      const { items, nextCursor } = page(rows, q.limit, (last) => `${last.plannedOn}|${last.trancheId}`);
      return { items: items.map(({ plannedOn: _p, ...t }) => t), nextCursor };
    }),
  );

  api.get(base, { schema: { tags, querystring: JustificationListQuery, response: { 200: JustificationPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', async (tx) => {
      const q = request.query;
      const rows = await findJustifications(tx, { state: q.state, trancheId: q.trancheId, after: parseInstantCursor(q.after), limit: q.limit + 1 });
      const { items, nextCursor } = page(rows, q.limit, (last) => `${last.createdAt}|${last.id}`);
      return { items: items.map(({ reviewReason: _r, reviewedOn: _o, ...j }) => j), nextCursor };
    }),
  );

  api.post(base, { schema: { tags, body: CreateJustificationBody, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.justify', (tx, user) => createJustification(tx, user, request.body)),
  );

  api.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => getJustification(tx, user, request.params.id)),
  );

  api.get(`${base}/:id/entries`, { schema: { tags, params: IdParams, querystring: CandidateEntryQuery, response: { 200: CandidateEntryPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.justify', async (tx, user) => {
      const j = await getJustification(tx, user, request.params.id);
      const q = request.query;
      const rows = await findCandidateEntries(tx, j.trancheId, { institutionId: q.institutionId, after: parseDateCursor(q.after), limit: q.limit + 1 });
      return page(rows, q.limit, (last) => `${last.entryDate}|${last.id}`);
    }),
  );

  api.post(`${base}/:id/lines`, { schema: { tags, params: IdParams, body: AddLineBody, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.justify', (tx, user) => addLine(tx, user, request.params.id, request.body)),
  );

  api.delete(`${base}/:id/lines/:lineId`, { schema: { tags, params: LineParams, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.justify', (tx, user) => removeLine(tx, user, request.params.id, request.params.lineId)),
  );

  api.post(`${base}/:id/submit`, { schema: { tags, params: IdParams, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.justify', (tx, user) => submitJustification(tx, user, request.params.id)),
  );

  api.post(`${base}/:id/review`, { schema: { tags, params: IdParams, body: ReviewBody, response: { 200: Justification } } }, (request) =>
    scoped(ctx, request, 'subsidies.manage', (tx, user) => reviewJustification(tx, user, request.params.id, request.body)),
  );

  api.get(audits, { schema: { tags, querystring: MissionListQuery, response: { 200: MissionPage } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', async (tx) => {
      const q = request.query;
      const rows = await findMissions(tx, { status: q.status, associationId: q.associationId, after: parseDateCursor(q.after), limit: q.limit + 1 });
      const { items, nextCursor } = page(rows, q.limit, (last) => `${last.startsOn}|${last.id}`);
      return { items: items.map(({ team: _t, summary: _s, ...m }) => m), nextCursor };
    }),
  );

  api.get(`${audits}/targets`, { schema: { tags, querystring: MissionTargetsQuery, response: { 200: MissionTargets } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx) => missionTargets(tx, request.query.q)),
  );

  api.post(audits, { schema: { tags, body: CreateMissionBody, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx, user) => createMission(tx, user, request.body)),
  );

  api.get(`${audits}/:id`, { schema: { tags, params: IdParams, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => getMission(tx, user, request.params.id)),
  );

  api.patch(`${audits}/:id`, { schema: { tags, params: IdParams, body: UpdateMissionBody, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx, user) => updateMission(tx, user, request.params.id, request.body)),
  );

  api.post(`${audits}/:id/findings`, { schema: { tags, params: IdParams, body: CreateFindingBody, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx, user) => addFinding(tx, user, request.params.id, request.body)),
  );

  api.post(`${audits}/findings/:id/close`, { schema: { tags, params: IdParams, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx, user) => closeFinding(tx, user, request.params.id)),
  );

  api.post(`${audits}/findings/:id/recommendations`, { schema: { tags, params: IdParams, body: CreateRecommendationBody, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.audit', (tx, user) => addRecommendation(tx, user, request.params.id, request.body)),
  );

  // The association reports its follow-up here too: the service narrows what each permission may set.
  api.patch(`${audits}/recommendations/:id`, { schema: { tags, params: IdParams, body: UpdateRecommendationBody, response: { 200: Mission } } }, (request) =>
    scoped(ctx, request, 'subsidies.read', (tx, user) => updateRecommendation(tx, user, request.params.id, request.body)),
  );
}
