import type { ServerModule } from '../../server/module.ts';
import { notificationRoutes } from './server/routes.ts';

export const notificationsModule: ServerModule = { name: 'notifications', routes: notificationRoutes };
