/** The public site's routes (no login): search, institution pages, requests for help. */
import type { Api } from '../../../server/module.ts';
import type { ServerContext } from '../../../server/context.ts';
import { searchRoutes } from './search/routes.tsx';
import { requestRoutes } from './request/routes.tsx';
import { institutionRoutes } from './institution/routes.tsx';
import { mapRoutes } from './map/routes.ts';
import { createSite } from './site.tsx';
import type { DirectorySource } from './snapshot.ts';

export function publicRoutes(api: Api, ctx: ServerContext, source?: DirectorySource): void {
  const site = createSite(ctx, source);
  api.get('/fr', { schema: { hide: true } }, (_request, reply) => reply.redirect('/fr/', 301));
  searchRoutes(api, site);
  requestRoutes(api, site);
  institutionRoutes(api, site);
  mapRoutes(api, site);
}
