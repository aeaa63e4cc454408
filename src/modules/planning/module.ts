import type { ServerModule } from '../../server/module.ts';
import './approval.ts';
import { planningRoutes } from './server/routes.ts';

export const planningModule: ServerModule = { name: 'planning', routes: planningRoutes };
