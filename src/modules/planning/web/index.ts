/** The planning module's screens: the annual action plans of the delegations and their editor. */
import { IconCalendarStats, IconTargetArrow } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../platform/approvals/web/index.ts';
import { delegationActionPlan } from '../approval.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { tid } from './constants.ts';

const PlanPage = lazyPage(() => import('./pages/PlanPage.tsx'), 'PlanPage');
const PlansPage = lazyPage(() => import('./pages/PlansPage.tsx'), 'PlansPage');

export const messages = { ar, fr };

defineApprovalTypeLabel(delegationActionPlan.key, 'planning:approval.type');

export const planningWeb: WebModule = {
  id: 'planning',
  labelKey: 'planning:module.title',
  icon: IconTargetArrow,
  permission: 'planning.read',
  messages,
  routes: [
    { path: 'planning/plans', component: PlansPage, permission: 'planning.read', nav: { labelKey: 'planning:nav.plans', icon: IconCalendarStats, testId: tid.navPlans } },
    { path: 'planning/plans/$planId', component: PlanPage, permission: 'planning.read' },
  ],
};
