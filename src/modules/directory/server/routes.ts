/**
 * HTTP routes of the directory's staff side: parse (contract schemas), call the queries or the
 * service in the caller's scope, answer. After a write the public site's copy is refreshed at
 * once, so this server's public pages show the edit on their next request (other servers follow
 * within RAAYA_DIRECTORY_REFRESH_SECONDS).
 */
import { z } from 'zod';
import type { FastifyBaseLogger } from 'fastify';
import { scoped, type ServerContext } from '../../../server/context.ts';
import type { Api } from '../../../server/module.ts';
import { notFound } from '../../../server/errors.ts';
import { Uuid } from '../../../platform/contract/common.ts';
import type { DirectorySource } from '../public/snapshot.ts';
import {
  AvailabilityBody,
  Publication,
  PublicationBody,
  PublicationExportQuery,
  PublicationListQuery,
  PublicationPage,
} from '../contract.ts';
import { exportPublications } from './export.ts';
import { findPublication, listPublications } from './queries.ts';
import { saveAvailability, savePublication } from './service.ts';
import './history.ts';
import './messages.ts';

const tags = ['directory'];
const IdParams = z.strictObject({ id: Uuid });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function staffRoutes(api: Api, ctx: ServerContext, source: DirectorySource): void {
  /** The write is committed: a failed reload only delays the public page to the next check. */
  const refreshPublicSite = async (log: FastifyBaseLogger) => {
    await source.refresh().catch((error: unknown) => log.warn({ err: error }, 'public directory refresh failed'));
  };

  // Everyone who acts on the directory (publishers and institution directors) sees their list.
  api.get('/api/directory/publications', { schema: { tags, querystring: PublicationListQuery, response: { 200: PublicationPage } } }, (request) =>
    scoped(ctx, request, 'directory.availability', (tx, user) => listPublications(tx, user, request.query, request.lang)),
  );

  api.get('/api/directory/publications/export.xlsx', { schema: { tags, querystring: PublicationExportQuery } }, async (request, reply) => {
    const { lang: asked, ...filters } = request.query;
    const file = await scoped(ctx, request, 'directory.availability', (tx, user) => exportPublications(tx, user, filters, asked ?? request.lang));
    const lang = asked ?? request.lang;
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${lang === 'ar' ? 'directory' : 'annuaire'}-${stamp}.xlsx"`)
      .send(file);
  });

  // The settings are public information once published: whoever sees the institution may read them.
  api.get('/api/institutions/:id/publication', { schema: { tags, params: IdParams, response: { 200: Publication } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => (await findPublication(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.put('/api/institutions/:id/publication', { schema: { tags, params: IdParams, body: PublicationBody, response: { 200: Publication } } }, async (request) => {
    const saved = await scoped(ctx, request, 'directory.publish', (tx) => savePublication(tx, request.params.id, request.body));
    await refreshPublicSite(request.log);
    return saved;
  });

  api.put('/api/institutions/:id/availability', { schema: { tags, params: IdParams, body: AvailabilityBody, response: { 200: Publication } } }, async (request) => {
    const saved = await scoped(ctx, request, 'directory.availability', (tx) => saveAvailability(tx, request.params.id, request.body));
    await refreshPublicSite(request.log);
    return saved;
  });
}
