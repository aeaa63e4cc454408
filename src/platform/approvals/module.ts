import type { ServerModule } from '../../server/module.ts';
import { notifyTransition } from './server/notifications.ts';
import { approvalsRoutes } from './server/routes.ts';
import { onTransition } from './server/transitions.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

onTransition(notifyTransition);

export const approvalsModule: ServerModule = { name: 'approvals', messages: { ar, fr }, routes: approvalsRoutes };
