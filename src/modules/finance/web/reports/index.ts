/** The finance reports' pages: an institution's budget against actual and annual report, the consolidation. */
import { IconChartBar } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../../platform/approvals/web/index.ts';
import { institutionFinancialReport } from '../../approval.ts';
import { tid } from './constants.ts';

const ConsolidationPage = lazyPage(() => import('./ConsolidationPage.tsx'), 'ConsolidationPage');
const InstitutionReportsPage = lazyPage(() => import('./InstitutionReportsPage.tsx'), 'InstitutionReportsPage');

defineApprovalTypeLabel(institutionFinancialReport.key, 'finance:reports.annualReport');

export const reportPages: WebPage[] = [
  { path: 'finance/consolidation', component: ConsolidationPage, permission: 'finance.read', nav: { labelKey: 'finance:reports.consolidationTitle', icon: IconChartBar, testId: tid.navConsolidation } },
  { path: 'finance/institutions/$institutionId/reports/$year', component: InstitutionReportsPage, permission: 'finance.read' },
];
