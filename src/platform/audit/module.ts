import type { ServerModule } from '../../server/module.ts';
import { auditRoutes } from './server/routes.ts';

export const auditModule: ServerModule = { name: 'audit', routes: auditRoutes };
