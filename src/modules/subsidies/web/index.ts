/**
 * The subsidies module's screens. Conventions with associations and partners, tranches released on conditions, disbursements and their delays, justification of spending, audit missions, the subsidies dashboard.
 * Each part (web/<part>/) adds its pages to `routes` below and keeps its strings in i18n/<part>/.
 */
import { IconReportMoney } from '@tabler/icons-react';
import type { WebModule, WebPage } from '../../../platform/web/index.ts';
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
import { dashboardPages } from './dashboard/index.ts';
import { tranchesRoutes } from './tranches/index.ts';
import { conventionsRoutes } from './conventions/index.ts';
import { auditsPages } from './audits/index.ts';

export const messages = { ar: { ...ar, ...conventionsAr, ...tranchesAr, ...auditsAr, ...dashboardAr }, fr: { ...fr, ...conventionsFr, ...tranchesFr, ...auditsFr, ...dashboardFr } };

// Navigation order: conventions, tranches due, justifications and audits, dashboard.
const routes: WebPage[] = [...conventionsRoutes, ...tranchesRoutes, ...auditsPages, ...dashboardPages];

export const subsidiesWeb: WebModule = {
  id: 'subsidies',
  labelKey: 'subsidies:module.title',
  icon: IconReportMoney,
  permission: 'subsidies.read',
  messages,
  routes,
};
