/** The jobs screens: "My jobs", a job's page (result or errors), the import wizard; the report button for other pages. */
import { IconListCheck } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from './i18n/ar.json';
import fr from './i18n/fr.json';

const ImportUsersPage = lazyPage(() => import('./pages/ImportUsersPage.tsx'), 'ImportUsersPage');
const JobPage = lazyPage(() => import('./pages/JobPage.tsx'), 'JobPage');
const JobsPage = lazyPage(() => import('./pages/JobsPage.tsx'), 'JobsPage');

export { ReportButton } from './components/ReportButton.tsx';
export { path as jobsPath, tid as jobsTid } from './constants.ts';

export const messages = { ar, fr };

export const jobsWeb: WebModule = {
  id: 'jobs',
  labelKey: 'jobs:module.title',
  icon: IconListCheck,
  // Every role holds territory.read: every signed-in user has jobs of their own.
  permission: 'territory.read',
  messages,
  routes: [
    { path: 'jobs', component: JobsPage, permission: null, nav: { labelKey: 'jobs:nav.jobs', icon: IconListCheck, testId: 'nav-jobs' } },
    { path: 'jobs/$jobId', component: JobPage, permission: null },
    { path: 'imports/users', component: ImportUsersPage, permission: 'users.manage' },
  ],
};
