/** HTTP routes of jobs, imports and report requests. */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { sql } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import { forbidden, invalidFields, notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { hasPermission } from '../../../modules/access/permissions.ts';
import { Uuid } from '../../contract/common.ts';
import { checkMapping, fileTypeOf, rememberedMapping, rememberMapping, scanUpload, storeUpload, suggestMapping, targetFor, uploadView } from '../../imports/uploads.ts';
import { REPORT_TYPES, reportDefinition } from '../../reports/requests.ts';
import { renderXlsx } from '../../reports/xlsx.ts';
import { MAX_KEPT_ERRORS } from '../../imports/run-import.ts';
import { closeBrowser } from '../../reports/browser.ts';
import { ImportRunBody, Job, JobListQuery, JobPage, ReportRequestBody, RowErrorPage, RowErrorQuery, Upload } from '../contract.ts';
import { cancelJob, createJob, findJob, jobFile, listJobs, rowErrors } from './jobs-service.ts';
import { jobRunner } from './runner.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['jobs'];
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export function jobsRoutes(api: Api, ctx: ServerContext): void {
  const runner = jobRunner(ctx);
  api.addHook('onReady', () => runner.start());
  api.addHook('onClose', async () => {
    await runner.stop();
    await closeBrowser();
  });

  api.get('/api/jobs', { schema: { tags, querystring: JobListQuery, response: { 200: JobPage } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => listJobs(tx, user, request.query, user.language)),
  );

  api.get('/api/jobs/:id', { schema: { tags, params: IdParams, response: { 200: Job } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => findJob(tx, request.params.id, user.language)),
  );

  api.post('/api/jobs/:id/cancel', { schema: { tags, params: IdParams, response: { 200: Job } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => cancelJob(tx, request.params.id, user.language)),
  );

  api.get('/api/jobs/:id/errors', { schema: { tags, params: IdParams, querystring: RowErrorQuery, response: { 200: RowErrorPage } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => {
      const items = await rowErrors(tx, user, request.params.id, Number(request.query.after ?? 0) || 0, request.query.limit + 1);
      const page = items.slice(0, request.query.limit);
      return { items: page, nextCursor: items.length > request.query.limit ? String(page.at(-1)!.seq) : null };
    }),
  );

  // The same errors as a spreadsheet in the user's language, to fix the file beside it.
  api.get('/api/jobs/:id/errors.xlsx', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const file = await scoped(ctx, request, null, async (tx, user) => {
      const items = await rowErrors(tx, user, request.params.id, 0, MAX_KEPT_ERRORS);
      return renderXlsx(
        {
          titleAr: 'أخطاء الاستيراد',
          titleFr: "Erreurs de l'import",
          levelNameAr: user.scope.nameAr,
          levelNameFr: user.scope.nameFr,
          columns: [
            { key: 'row', headerAr: 'السطر', headerFr: 'Ligne', type: 'number' },
            { key: 'column', headerAr: 'العمود', headerFr: 'Colonne', type: 'text' },
            { key: 'message', headerAr: 'الخطأ', headerFr: 'Erreur', type: 'text' },
            { key: 'value', headerAr: 'القيمة المقروءة', headerFr: 'Valeur lue', type: 'text' },
          ],
          rows: items.map((e) => ({ row: e.row, column: e.column, message: e.message, value: e.value })),
        },
        user.language,
      );
    });
    return reply
      .type(REPORT_TYPES.xlsx)
      .header('content-disposition', `attachment; filename="errors-${request.params.id.slice(0, 8)}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  });

  api.get('/api/jobs/:id/file', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const file = await scoped(ctx, request, null, (tx) => jobFile(tx, request.params.id));
    const absolute = path.join(ctx.config.dataDir, file.path);
    const size = await stat(absolute).then((s) => s.size, () => undefined);
    if (size === undefined) throw notFound();
    return reply
      .type(file.type)
      .header('content-length', size)
      .header('content-disposition', `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .send(createReadStream(absolute));
  });

  api.post('/api/reports/:name', { schema: { tags, params: z.strictObject({ name: z.string().max(60) }), body: ReportRequestBody, response: { 202: Job } } }, async (request, reply) => {
    const job = await scoped(ctx, request, null, async (tx, user) => {
      const report = reportDefinition(request.params.name);
      if (!report) throw notFound();
      if (!hasPermission(user.role, report.permission)) throw forbidden();
      const id = await createJob(tx, runner, user, 'report', { report: report.name, language: request.body.language, format: request.body.format });
      return findJob(tx, id, user.language);
    });
    runner.wake();
    return reply.code(202).send(job);
  });

  // Uploads need multipart bodies: registered in a child context so the rest of the API stays JSON only.
  api.register(async (plain) => {
    const child = plain.withTypeProvider<ZodTypeProvider>();
    await child.register(multipart, { limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 2, parts: 3 } });
    child.post('/api/imports/:target/uploads', { schema: { tags, params: z.strictObject({ target: z.string().max(60) }), response: { 201: Upload } } }, async (request, reply) => {
      // Permission first (a signed-in user with the right), then the file.
      await scoped(ctx, request, null, async (_tx, user) => void targetFor(user, request.params.target));
      const part = await request.file();
      if (!part) throw invalidFields({ path: 'file', key: 'validation.required' });
      const type = fileTypeOf(part.filename);
      if (!type) {
        part.file.resume();
        throw invalidFields({ path: 'file', key: 'imports.errors.file_type' });
      }
      const stored = await storeUpload(ctx.config.dataDir, part.file, type);
      if (part.file.truncated) {
        await rm(stored.absolute, { force: true });
        throw invalidFields({ path: 'file', key: 'imports.errors.file_too_large', params: { maximum: MAX_UPLOAD_BYTES / 1024 / 1024 } });
      }
      const scanned = await scanUpload(stored.absolute, type);
      const upload = await scoped(ctx, request, null, async (tx, user) => {
        const target = targetFor(user, request.params.target);
        const row = await tx
          .insertInto('jobs.uploads')
          .values({ target: target.name, file_path: stored.relative, file_name: part.filename.slice(0, 255), file_type: type, headers: JSON.stringify(scanned.headers), row_count: scanned.rowCount })
          .returning(['id', 'file_name', 'row_count'])
          .executeTakeFirstOrThrow();
        const remembered = await rememberedMapping(tx, target.name);
        const usable = remembered && Object.values(remembered).every((h) => scanned.headers.includes(h)) ? remembered : undefined;
        return uploadView(target, user.language, { ...row, headers: scanned.headers }, usable ?? suggestMapping(target, scanned.headers), usable !== undefined);
      });
      return reply.code(201).send(upload);
    });
  });

  for (const mode of ['validate', 'commit'] as const) {
    api.post(`/api/imports/uploads/:id/${mode}`, { schema: { tags, params: IdParams, body: ImportRunBody, response: { 202: Job } } }, async (request, reply) => {
      const job = await scoped(ctx, request, null, async (tx, user) => {
        const upload = await tx.selectFrom('jobs.uploads').select(['id', 'target', 'headers']).where('id', '=', request.params.id).executeTakeFirst();
        if (!upload) throw notFound();
        const target = targetFor(user, upload.target);
        checkMapping(target, upload.headers as string[], request.body.mapping);
        await rememberMapping(tx, target.name, request.body.mapping);
        // One import at a time per upload: a second commit of the same file is refused.
        if (mode === 'commit') {
          const running = await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs.jobs WHERE kind = 'import.commit'
            AND params->>'uploadId' = ${upload.id} AND state IN ('queued', 'running', 'succeeded')`.execute(tx);
          if (running.rows[0]!.n > 0) throw invalidFields({ path: 'id', key: 'imports.errors.already_committed' });
        }
        const id = await createJob(tx, runner, user, `import.${mode}`, { uploadId: upload.id, mapping: request.body.mapping });
        return findJob(tx, id, user.language);
      });
      runner.wake();
      return reply.code(202).send(job);
    });
  }
}
