/** The registry import's own route: its template (the import itself runs through /api/imports). */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Language } from '../../../../platform/contract/common.ts';
import { templateXlsx } from './sample.ts';
import './target.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/institutions/import/template.xlsx', { schema: { tags: ['registry'], querystring: z.strictObject({ lang: Language.optional() }) } }, async (request, reply) => {
    const lang = await scoped(ctx, request, 'registry.import', async (_tx, user) => request.query.lang ?? user.language);
    const file = await templateXlsx(lang);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="registry-import-${lang}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(file);
  });
}
