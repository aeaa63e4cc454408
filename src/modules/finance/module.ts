import type { ServerModule } from '../../server/module.ts';
import './approval.ts';
import { booksRoutes } from './server/books/index.ts';
import './server/budget/transitions.ts';
import './server/budget/deadlines.ts';
import { budgetRoutes } from './server/budget/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };
import { reportRoutes } from './server/reports/routes.ts';

export const financeModule: ServerModule = {
  name: 'finance',
  messages: { ar, fr },
  routes(api, ctx) {
    // Each part (server/<part>/) registers its routes here.
    booksRoutes(api, ctx);
    budgetRoutes(api, ctx);
    reportRoutes(api, ctx);
  },
};
