/**
 * The tranches part's screens: the "due this month" page, a convention's tranches page, and the
 * ConventionTranches timeline the conventions part shows on the convention page.
 */
import { lazy } from 'react';
import { IconCalendarDue } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';

/**
 * `<ConventionTranches conventionId={…} />`: the timeline, loaded with the page that shows it (this
 * index is read by the module's route list, which is in the shell's first download).
 */
export const ConventionTranches = lazy(async () => ({ default: (await import('./ConventionTranches.tsx')).ConventionTranches }));

const DueThisMonthPage = lazyPage(() => import('./pages/DueThisMonthPage.tsx'), 'DueThisMonthPage');
const ConventionTranchesPage = lazyPage(() => import('./pages/ConventionTranchesPage.tsx'), 'ConventionTranchesPage');

export const tranchesRoutes: WebPage[] = [
  { path: 'subsidies/tranches/due', component: DueThisMonthPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:tranches.due.nav', icon: IconCalendarDue, testId: tid.navDue } },
  { path: 'subsidies/conventions/$conventionId/tranches', component: ConventionTranchesPage, permission: 'subsidies.read' },
];
