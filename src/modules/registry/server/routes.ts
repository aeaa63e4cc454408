/** The registry's API: one registrar per part (associations, institutions, licensing, import, map). */
import type { Api } from '../../../server/module.ts';
import type { ServerContext } from '../../../server/context.ts';
import { associationRoutes } from './associations/routes.ts';
import { institutionRoutes } from './institutions/routes.ts';
import { licensingRoutes } from './licensing/routes.ts';

export function registryRoutes(api: Api, ctx: ServerContext): void {
  void api;
  void ctx;
  associationRoutes(api, ctx);
  institutionRoutes(api, ctx);
  licensingRoutes(api, ctx);
}
