import type { ServerModule } from '../../server/module.ts';
import '../imports/run-import.ts';
import '../reports/requests.ts';
import { jobsRoutes } from './server/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

export const jobsModule: ServerModule = { name: 'jobs', messages: { ar, fr }, routes: jobsRoutes };
