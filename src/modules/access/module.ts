import type { ServerModule } from '../../server/module.ts';
import './server/users-import.ts';
import './server/users-report.ts';
import { accessRoutes } from './server/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

export const accessModule: ServerModule = { name: 'access', messages: { ar, fr }, routes: accessRoutes };
