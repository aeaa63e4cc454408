import type { ServerModule } from '../../server/module.ts';
import './approval.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };
import { dashboardRoutes } from './server/dashboard/routes.ts';
import { trancheRoutes } from './server/tranches/index.ts';
import { conventionRoutes } from './server/conventions/routes.ts';
import './server/conventions/constraints.ts';
import { auditsRoutes } from './server/audits/routes.ts';

export const subsidiesModule: ServerModule = {
  name: 'subsidies',
  messages: { ar, fr },
  routes(api, ctx) {
    // Each part (server/<part>/) registers its routes here.
    dashboardRoutes(api, ctx);
    trancheRoutes(api, ctx);
    conventionRoutes(api, ctx);
    auditsRoutes(api, ctx);
  },
};
