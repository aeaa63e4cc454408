/** The privacy screens of the beneficiaries module (issue 6): a person's data protection page and the retention review. */
import { IconArchive } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { path, tid } from './constants.ts';

const PersonPrivacyPage = lazyPage(() => import('./PersonPrivacyPage.tsx'), 'PersonPrivacyPage');
const RetentionPage = lazyPage(() => import('./RetentionPage.tsx'), 'RetentionPage');

export const privacyPages: WebPage[] = [
  { path: path.person.slice(1), component: PersonPrivacyPage, permission: 'beneficiaries.read' },
  { path: path.retention.slice(1), component: RetentionPage, permission: 'beneficiaries.privacy', nav: { labelKey: 'beneficiaries:privacy.retention.nav', icon: IconArchive, testId: tid.navRetention } },
];
