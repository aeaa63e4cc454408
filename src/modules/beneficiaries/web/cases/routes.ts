/** The cases screens of the beneficiaries module (issue 6): case list and file, incoming referrals, my caseload. */
import { IconArrowsExchange, IconBriefcase, IconFolders } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../../platform/approvals/web/index.ts';
import { tid } from './constants.ts';

const CasesPage = lazyPage(() => import('./pages/CasesPage.tsx'), 'CasesPage');
const CasePage = lazyPage(() => import('./pages/CasePage.tsx'), 'CasePage');
const ReferralsPage = lazyPage(() => import('./pages/ReferralsPage.tsx'), 'ReferralsPage');
const CaseloadPage = lazyPage(() => import('./pages/CaseloadPage.tsx'), 'CaseloadPage');

// The plans the delegation approves are named in the approvals inbox.
defineApprovalTypeLabel('case_plan', 'beneficiaries:cases.approval.type');

export const casesPages: WebPage[] = [
  { path: 'beneficiaries/caseload', component: CaseloadPage, permission: 'beneficiaries.case', nav: { labelKey: 'beneficiaries:cases.nav.caseload', icon: IconBriefcase, testId: tid.navCaseload } },
  { path: 'beneficiaries/cases', component: CasesPage, permission: 'beneficiaries.read', nav: { labelKey: 'beneficiaries:cases.nav.cases', icon: IconFolders, testId: tid.navCases } },
  { path: 'beneficiaries/cases/$caseId', component: CasePage, permission: 'beneficiaries.read' },
  { path: 'beneficiaries/referrals', component: ReferralsPage, permission: 'beneficiaries.read', nav: { labelKey: 'beneficiaries:cases.nav.referrals', icon: IconArrowsExchange, testId: tid.navReferrals } },
];
