import type { ServerModule } from '../../server/module.ts';
import { documentRoutes } from './server/routes.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

export const documentsModule: ServerModule = { name: 'documents', messages: { ar, fr }, routes: documentRoutes };
