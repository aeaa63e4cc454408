import type { ServerModule } from '../../server/module.ts';
import './approval.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };
import { reportRoutes } from './server/reports/routes.ts';

export const financeModule: ServerModule = {
  name: 'finance',
  messages: { ar, fr },
  routes(api, ctx) {
    // Each part (server/<part>/) registers its routes here.
    reportRoutes(api, ctx);
  },
};
