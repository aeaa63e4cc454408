import type { ServerModule } from '../../server/module.ts';
import { approvalsRoutes } from './server/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

export const approvalsModule: ServerModule = { name: 'approvals', messages: { ar, fr }, routes: approvalsRoutes };
