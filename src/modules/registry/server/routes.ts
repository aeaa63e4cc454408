/** The registry's API: one registrar per part (associations, institutions, licensing, import, map). */
import type { Api } from '../../../server/module.ts';
import type { ServerContext } from '../../../server/context.ts';
import { associationRoutes } from './associations/routes.ts';
import { institutionRoutes } from './institutions/routes.ts';
import { licensingRoutes } from './licensing/routes.ts';
import { mapRoutes } from './map/routes.ts';
import { importRoutes } from './import/routes.ts';

export function registryRoutes(api: Api, ctx: ServerContext): void {
  associationRoutes(api, ctx);
  institutionRoutes(api, ctx);
  licensingRoutes(api, ctx);
  mapRoutes(api, ctx);
  importRoutes(api, ctx);
}
