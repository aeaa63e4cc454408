/** The approval workflow's screens: the "waiting for me" inbox (with its count in the navigation) and the panel subjects embed. */
import { IconChecklist, IconInbox } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { useInboxCount } from './queries.ts';
import { tid } from './constants.ts';

const InboxPage = lazyPage(() => import('./pages/InboxPage.tsx'), 'InboxPage');

export const messages = { ar, fr };
export { SubmissionPanel } from './components/SubmissionPanel.tsx';
export { SubmissionStateSelect } from './components/SubmissionStateSelect.tsx';
export { stateColor } from './constants.ts';
export { defineApprovalTypeLabel } from './type-labels.ts';

export const approvalsWeb: WebModule = {
  id: 'approvals',
  labelKey: 'approvals:module.title',
  icon: IconChecklist,
  permission: 'approvals.inbox',
  messages,
  routes: [
    {
      path: 'approvals/inbox',
      component: InboxPage,
      permission: 'approvals.inbox',
      nav: { labelKey: 'approvals:nav.inbox', icon: IconInbox, testId: tid.navInbox, useBadge: useInboxCount },
    },
  ],
};
