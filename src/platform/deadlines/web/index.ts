/** The "due and overdue" page. */
import { IconCalendarDue, IconClockExclamation } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const DeadlinesPage = lazyPage(() => import('./pages/DeadlinesPage.tsx'), 'DeadlinesPage');

export const messages = { ar, fr };

export const deadlinesWeb: WebModule = {
  id: 'deadlines',
  labelKey: 'deadlines:module.title',
  icon: IconCalendarDue,
  // Every signed-in user holds it; each kind of deadline has its own permission on the server.
  permission: 'territory.read',
  messages,
  routes: [{ path: 'deadlines', component: DeadlinesPage, permission: null, nav: { labelKey: 'deadlines:nav.due', icon: IconClockExclamation, testId: 'nav-deadlines' } }],
};
