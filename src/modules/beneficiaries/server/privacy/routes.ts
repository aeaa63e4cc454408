/**
 * The privacy part of the beneficiaries API (issue 6 item 6; law 09-08): legal bases and consents,
 * sensitive data, the person's access log, the export on request, record history, retention.
 */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Ok, Uuid } from '../../../../platform/contract/common.ts';
import {
  AccessLogPage,
  AccessLogQuery,
  Consent,
  ConsentBody,
  ConsentList,
  Disability,
  DisabilityBody,
  DisabilityPatch,
  ExportQuery,
  HealthBody,
  HealthPatch,
  HealthRecord,
  ProtectionBody,
  ProtectionPatch,
  ProtectionRecord,
  RetentionDuePage,
  RetentionDueQuery,
  RetentionReview,
  RetentionReviewBody,
  RetentionRuleList,
  WithdrawConsentBody,
  type SensitiveKind,
} from '../../contract/privacy.ts';
import { readAccessLog } from './access-log.ts';
import { addConsent, listConsents, withdrawConsent } from './consents.ts';
import { collectPersonData, personExportPdf } from './export.ts';
import { findRetentionDue, listRetentionRules, reviewRetention } from './retention.ts';
import { addSensitive, deleteSensitive, listSensitive, updateSensitive } from './sensitive.ts';
import './constraints.ts';
import './history.ts';

const tags = ['beneficiaries'];
const PersonParams = z.strictObject({ id: Uuid });
const ConsentParams = z.strictObject({ id: Uuid, consentId: Uuid });
const RecordParams = z.strictObject({ id: Uuid, recordId: Uuid });

const sensitiveSchemas = {
  health: { item: HealthRecord, body: HealthBody, patch: HealthPatch },
  disabilities: { item: Disability, body: DisabilityBody, patch: DisabilityPatch },
  protection: { item: ProtectionRecord, body: ProtectionBody, patch: ProtectionPatch },
} as const;

function sensitiveRoutes(api: Api, ctx: ServerContext, kind: SensitiveKind): void {
  const { item, body, patch } = sensitiveSchemas[kind];
  const base = `/api/persons/:id/${kind}`;
  api.get(base, { schema: { tags, params: PersonParams, response: { 200: z.object({ items: z.array(item) }) } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.sensitive', async (tx) => ({ items: await listSensitive(tx, kind, request.params.id) })),
  );
  api.post(base, { schema: { tags, params: PersonParams, body, response: { 201: item } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'beneficiaries.sensitive', (tx, user) => addSensitive(tx, user.id, kind, request.params.id, request.body));
    return reply.code(201).send(created);
  });
  api.patch(`${base}/:recordId`, { schema: { tags, params: RecordParams, body: patch, response: { 200: item } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.sensitive', (tx) => updateSensitive(tx, kind, request.params.id, request.params.recordId, request.body)),
  );
  api.delete(`${base}/:recordId`, { schema: { tags, params: RecordParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.sensitive', async (tx) => {
      await deleteSensitive(tx, kind, request.params.id, request.params.recordId);
      return { ok: true as const };
    }),
  );
}

export function privacyRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/persons/:id/consents', { schema: { tags, params: PersonParams, response: { 200: ConsentList } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.read', async (tx) => ({ items: await listConsents(tx, request.params.id) })),
  );
  // Recording the basis is part of receiving and following a person.
  api.post('/api/persons/:id/consents', { schema: { tags, params: PersonParams, body: ConsentBody, response: { 201: Consent } } }, async (request, reply) => {
    const created = await scoped(ctx, request, 'beneficiaries.receive', (tx, user) => addConsent(tx, user.id, request.params.id, request.body));
    return reply.code(201).send(created);
  });
  api.post('/api/persons/:id/consents/:consentId/withdraw', { schema: { tags, params: ConsentParams, body: WithdrawConsentBody, response: { 200: Consent } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.receive', (tx) => withdrawConsent(tx, request.params.id, request.params.consentId, request.body)),
  );

  for (const kind of ['health', 'disabilities', 'protection'] as const) sensitiveRoutes(api, ctx, kind);

  api.get('/api/persons/:id/access-log', { schema: { tags, params: PersonParams, querystring: AccessLogQuery, response: { 200: AccessLogPage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.privacy', (tx) => readAccessLog(tx, request.params.id, request.query)),
  );

  api.get('/api/persons/:id/export.json', { schema: { tags, params: PersonParams } }, async (request, reply) => {
    const data = await scoped(ctx, request, 'beneficiaries.read', (tx, user) => collectPersonData(tx, user, request.params.id));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="person-${request.params.id}.json"`)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(data, null, 2));
  });
  api.get('/api/persons/:id/export.pdf', { schema: { tags, params: PersonParams, querystring: ExportQuery } }, async (request, reply) => {
    const pdf = await scoped(ctx, request, 'beneficiaries.read', (tx, user) => personExportPdf(tx, user, request.params.id, request.query.lang));
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="person-${request.params.id}-${request.query.lang}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  api.get('/api/privacy/retention-rules', { schema: { tags, response: { 200: RetentionRuleList } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.privacy', async (tx) => ({ items: await listRetentionRules(tx) })),
  );
  api.get('/api/privacy/retention-due', { schema: { tags, querystring: RetentionDueQuery, response: { 200: RetentionDuePage } } }, (request) =>
    scoped(ctx, request, 'beneficiaries.privacy', (tx) => findRetentionDue(tx, request.query)),
  );
  api.post('/api/privacy/retention-reviews', { schema: { tags, body: RetentionReviewBody, response: { 201: RetentionReview } } }, async (request, reply) => {
    const review = await scoped(ctx, request, 'beneficiaries.privacy', (tx) => reviewRetention(tx, request.body));
    return reply.code(201).send(review);
  });
}
