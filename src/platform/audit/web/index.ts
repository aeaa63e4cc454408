/** The audit log viewer. */
import { IconHistory, IconShieldCheck } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const AuditPage = lazyPage(() => import('./pages/AuditPage.tsx'), 'AuditPage');

export const messages = { ar, fr };

export const auditWeb: WebModule = {
  id: 'audit',
  labelKey: 'audit:module.title',
  icon: IconShieldCheck,
  permission: 'audit.read',
  messages,
  routes: [{ path: 'audit', component: AuditPage, permission: 'audit.read', nav: { labelKey: 'audit:nav.log', icon: IconHistory, testId: 'nav-audit' } }],
};

export { RecordHistory, type RecordHistoryProps } from './components/RecordHistory.tsx';
