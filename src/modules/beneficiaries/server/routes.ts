/** The beneficiaries API: one registrar per part. */
import type { Api } from '../../../server/module.ts';
import type { ServerContext } from '../../../server/context.ts';
import { personsRoutes } from './persons/routes.ts';
import { receptionRoutes } from './reception/routes.ts';
import { matchingRoutes } from './matching/routes.ts';
import { casesRoutes } from './cases/routes.ts';
import { registerRoutes } from './register/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';

export function beneficiariesRoutes(api: Api, ctx: ServerContext): void {
  personsRoutes(api, ctx);
  receptionRoutes(api, ctx);
  matchingRoutes(api, ctx);
  casesRoutes(api, ctx);
  registerRoutes(api, ctx);
  privacyRoutes(api, ctx);
}
