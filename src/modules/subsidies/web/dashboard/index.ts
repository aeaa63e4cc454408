/** The dashboard part's pages: the subsidies dashboard with its drill-down, and the late tranches. */
import { IconAlarm, IconChartBar } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';

const DashboardPage = lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage');
const LateTranchesPage = lazyPage(() => import('./LateTranchesPage.tsx'), 'LateTranchesPage');

export const dashboardPages: WebPage[] = [
  { path: 'subsidies/dashboard', component: DashboardPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:dashboard.nav', icon: IconChartBar, testId: tid.navDashboard } },
  { path: 'subsidies/late-tranches', component: LateTranchesPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:dashboard.late.nav', icon: IconAlarm, testId: tid.navLate } },
];
