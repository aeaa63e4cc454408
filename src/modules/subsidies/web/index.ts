/**
 * The subsidies module's screens. Conventions with associations and partners, tranches released on conditions, disbursements and their delays, justification of spending, audit missions, the subsidies dashboard.
 * Each part (web/<part>/) adds its pages to `routes` below and keeps its strings in i18n/<part>/.
 */
import { IconFileCertificate, IconReportMoney } from '@tabler/icons-react';
import { lazyPage, type WebModule, type WebPage } from '../../../platform/web/index.ts';
import { defineApprovalTypeLabel } from '../../../platform/approvals/web/index.ts';
import { delegationConvention, regionConvention } from '../approval.ts';
import { tid as conventionTid } from './conventions/constants.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import conventionsAr from '../i18n/conventions/ar.json';
import conventionsFr from '../i18n/conventions/fr.json';
import tranchesAr from '../i18n/tranches/ar.json';
import tranchesFr from '../i18n/tranches/fr.json';
import auditsAr from '../i18n/audits/ar.json';
import auditsFr from '../i18n/audits/fr.json';
import dashboardAr from '../i18n/dashboard/ar.json';
import dashboardFr from '../i18n/dashboard/fr.json';

export const messages = { ar: { ...ar, ...conventionsAr, ...tranchesAr, ...auditsAr, ...dashboardAr }, fr: { ...fr, ...conventionsFr, ...tranchesFr, ...auditsFr, ...dashboardFr } };

const ConventionsPage = lazyPage(() => import('./conventions/ConventionsPage.tsx'), 'ConventionsPage');
const ConventionPage = lazyPage(() => import('./conventions/ConventionPage.tsx'), 'ConventionPage');
defineApprovalTypeLabel(delegationConvention.key, 'subsidies:conventions.approvalType');
defineApprovalTypeLabel(regionConvention.key, 'subsidies:conventions.approvalType');

const routes: WebPage[] = [
  { path: 'subsidies/conventions', component: ConventionsPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:conventions.nav.list', icon: IconFileCertificate, testId: conventionTid.navList } },
  { path: 'subsidies/conventions/$conventionId', component: ConventionPage, permission: 'subsidies.read' },
];

export const subsidiesWeb: WebModule = {
  id: 'subsidies',
  labelKey: 'subsidies:module.title',
  icon: IconReportMoney,
  permission: 'subsidies.read',
  messages,
  routes,
};
