/** The audits part's pages: justification of tranches and audit missions. */
import { IconClipboardCheck, IconReceipt2 } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';

const JustificationsPage = lazyPage(() => import('./pages/JustificationsPage.tsx'), 'JustificationsPage');
const JustificationPage = lazyPage(() => import('./pages/JustificationPage.tsx'), 'JustificationPage');
const MissionsPage = lazyPage(() => import('./pages/MissionsPage.tsx'), 'MissionsPage');
const MissionPage = lazyPage(() => import('./pages/MissionPage.tsx'), 'MissionPage');

export const auditsPages: WebPage[] = [
  { path: 'subsidies/justifications', component: JustificationsPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:audits.nav.justifications', icon: IconReceipt2, testId: tid.navJustifications } },
  { path: 'subsidies/justifications/$justificationId', component: JustificationPage, permission: 'subsidies.read' },
  { path: 'subsidies/audits', component: MissionsPage, permission: 'subsidies.read', nav: { labelKey: 'subsidies:audits.nav.audits', icon: IconClipboardCheck, testId: tid.navAudits } },
  { path: 'subsidies/audits/$missionId', component: MissionPage, permission: 'subsidies.read' },
];
