import type { ServerModule } from '../../server/module.ts';
import './approval.ts';
import './server/deadlines.ts';
import { planningRoutes } from './server/routes.ts';

export const planningModule: ServerModule = { name: 'planning', routes: planningRoutes };
