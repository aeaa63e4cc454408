/**
 * The conventions part's screens: the convention list and the convention page; the label of the
 * conventions' approval types in the inbox.
 */
import { IconFileCertificate } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../../platform/approvals/web/index.ts';
import { delegationConvention, regionConvention } from '../../approval.ts';
import { tid } from './constants.ts';

const ConventionsPage = lazyPage(() => import('./ConventionsPage.tsx'), 'ConventionsPage');
const ConventionPage = lazyPage(() => import('./ConventionPage.tsx'), 'ConventionPage');

defineApprovalTypeLabel(delegationConvention.key, 'subsidies:conventions.approvalType');
defineApprovalTypeLabel(regionConvention.key, 'subsidies:conventions.approvalType');

export const conventionsRoutes: WebPage[] = [
  { path: 'subsidies/conventions', component: ConventionsPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:conventions.nav.list', icon: IconFileCertificate, testId: tid.navList } },
  { path: 'subsidies/conventions/$conventionId', component: ConventionPage, permission: 'subsidies.read' },
];
