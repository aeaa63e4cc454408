/** HTTP routes of documents: upload, new version, list by owner, metadata, download. */
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scoped, sessionOnly, type ServerContext } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { DocumentDetail, DocumentListQuery, DocumentPage, DocumentParams, NewDocumentFields, NewVersionFields, VersionParams } from '../contract.ts';
import { findDocumentHead, findDocument, findVersion, listDocuments } from './queries.ts';
import { addVersion, createDocument, ownerFor, visibleOwner } from './service.ts';
import { localFileStore, type FileStore } from './storage.ts';
import { receiveUpload } from './upload.ts';

const tags = ['documents'];

/** "attachment" with the original name, ASCII fallback plus RFC 5987 UTF-8 form. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

let defaultStore: { root: string; store: FileStore } | undefined;
/** The file store of a server: <RAAYA_DATA_DIR>/files. */
export function fileStoreFor(ctx: ServerContext): FileStore {
  const root = path.join(ctx.config.dataDir, 'files');
  if (defaultStore?.root !== root) defaultStore = { root, store: localFileStore(root) };
  return defaultStore.store;
}

export function documentRoutes(api: Api, ctx: ServerContext): void {
  const store = fileStoreFor(ctx);
  const maxMb = ctx.config.maxUploadMb;
  // Its own plugin scope: multipart parsing for these routes only.
  void api.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12, fileSize: maxMb * 1024 * 1024 + 1 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/documents', { schema: { tags, consumes: ['multipart/form-data'], response: { 201: DocumentDetail } } }, async (request, reply) => {
      const user = await sessionOnly(ctx, request);
      const upload = await receiveUpload(request, store, NewDocumentFields, maxMb, (f) => ownerFor(f.ownerType, user, 'write'));
      try {
        const created = await scoped(ctx, request, null, (tx, me) => createDocument(tx, me, upload));
        return reply.code(201).send(created);
      } finally {
        await upload.file.discard();
      }
    });

    r.post(
      '/api/documents/:id/versions',
      { schema: { tags, params: DocumentParams, consumes: ['multipart/form-data'], response: { 201: DocumentDetail } } },
      async (request, reply) => {
        await sessionOnly(ctx, request);
        const upload = await receiveUpload(request, store, NewVersionFields, maxMb, () => undefined);
        try {
          const updated = await scoped(ctx, request, null, (tx, me) => addVersion(tx, me, request.params.id, upload));
          return reply.code(201).send(updated);
        } finally {
          await upload.file.discard();
        }
      },
    );

    r.get('/api/documents', { schema: { tags, querystring: DocumentListQuery, response: { 200: DocumentPage } } }, (request) =>
      scoped(ctx, request, null, async (tx, user) => {
        const q = request.query;
        const owner = ownerFor(q.ownerType, user, 'read');
        await visibleOwner(tx, owner, q.ownerId);
        return listDocuments(tx, q.ownerType, q.ownerId, q.after, q.limit);
      }),
    );

    r.get('/api/documents/:id', { schema: { tags, params: DocumentParams, response: { 200: DocumentDetail } } }, (request) =>
      scoped(ctx, request, null, async (tx, user) => {
        const head = await findDocumentHead(tx, request.params.id);
        if (!head) throw notFound();
        await visibleOwner(tx, ownerFor(head.owner_type, user, 'read'), head.owner_id);
        return (await findDocument(tx, head.id)) ?? Promise.reject(notFound());
      }),
    );

    r.get('/api/documents/:id/versions/:version/content', { schema: { tags, params: VersionParams } }, async (request, reply) => {
      const version = await scoped(ctx, request, null, async (tx, user) => {
        const head = await findDocumentHead(tx, request.params.id);
        if (!head) throw notFound();
        await visibleOwner(tx, ownerFor(head.owner_type, user, 'read'), head.owner_id);
        return (await findVersion(tx, head.id, request.params.version)) ?? Promise.reject(notFound());
      });
      const bytes = await store.get(version.sha256);
      return reply
        .header('content-type', version.media_type)
        .header('content-length', version.size)
        .header('content-disposition', contentDisposition(version.original_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    });
  });
}
