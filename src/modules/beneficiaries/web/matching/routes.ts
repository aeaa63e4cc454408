/** The matching screens of the beneficiaries module (issue 6): duplicate check, merges review, access requests. */
import { IconArrowsJoin, IconKey, IconUserSearch } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { path, tid } from './constants.ts';
import { usePendingIncoming } from './queries.ts';

const DuplicateCheckPage = lazyPage(() => import('./DuplicateCheckPage.tsx'), 'DuplicateCheckPage');
const MergesPage = lazyPage(() => import('./MergesPage.tsx'), 'MergesPage');
const AccessRequestsPage = lazyPage(() => import('./AccessRequestsPage.tsx'), 'AccessRequestsPage');

export const matchingPages: WebPage[] = [
  { path: path.check.slice(1), component: DuplicateCheckPage, permission: 'beneficiaries.receive', nav: { labelKey: 'beneficiaries:matching.check.nav', icon: IconUserSearch, testId: tid.navCheck } },
  { path: path.merges.slice(1), component: MergesPage, permission: 'beneficiaries.merge', nav: { labelKey: 'beneficiaries:matching.merges.nav', icon: IconArrowsJoin, testId: tid.navMerges } },
  { path: path.access.slice(1), component: AccessRequestsPage, permission: 'beneficiaries.read', nav: { labelKey: 'beneficiaries:matching.access.nav', icon: IconKey, testId: tid.navAccess, useBadge: usePendingIncoming } },
];
