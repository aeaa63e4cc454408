import type { ServerModule } from '../../server/module.ts';
import { deadlineRoutes } from './server/routes.ts';

export const deadlinesModule: ServerModule = { name: 'deadlines', routes: deadlineRoutes };
