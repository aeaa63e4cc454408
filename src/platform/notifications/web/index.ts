/** The notifications screens: the page of my notifications (the bell lives in the shell's header). */
import { IconBell } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage.tsx'), 'NotificationsPage');

export const messages = { ar, fr };
export { NotificationBell } from './Bell.tsx';

export const notificationsWeb: WebModule = {
  id: 'notifications',
  labelKey: 'notifications:module.title',
  icon: IconBell,
  // Every signed-in user holds it: notifications concern everyone.
  permission: 'territory.read',
  messages,
  routes: [{ path: 'notifications', component: NotificationsPage, permission: null }],
};
