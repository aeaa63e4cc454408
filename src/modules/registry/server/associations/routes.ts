/** HTTP routes of the associations (founders) and their board members. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Uuid } from '../../../../platform/contract/common.ts';
import { AssociationListQuery, AssociationPage } from '../../contract/associations.ts';
import { decodeCursor, encodeCursor, findAssociations } from './queries.ts';

const tags = ['registry'];
export const IdParams = z.strictObject({ id: Uuid });

export function associationRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/associations', { schema: { tags, querystring: AssociationListQuery, response: { 200: AssociationPage } } }, (request) =>
    scoped(ctx, request, 'registry.read', async (tx) => {
      const { after, limit, ...filters } = request.query;
      const page = await findAssociations(tx, { ...filters, after: after ? decodeCursor(after) : undefined, limit: limit + 1 });
      const items = page.items.slice(0, limit);
      const last = items[items.length - 1];
      const lastKey = last && (filters.sort === 'nameAr' || filters.sort === '-nameAr' ? last.nameAr : last.nameFr);
      return { items, nextCursor: page.items.length > limit && last ? encodeCursor(lastKey!, last.id) : null };
    }),
  );
}
