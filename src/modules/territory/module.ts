import type { ServerModule } from '../../server/module.ts';
import { territoryRoutes } from './server/routes.ts';
import './server/documents.ts';
import './server/organisation-report.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

export const territoryModule: ServerModule = { name: 'territory', messages: { ar, fr }, routes: territoryRoutes };
