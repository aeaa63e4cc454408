/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity, IconCertificate } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import './licensing/register.ts';
import { path as licensingPath, tid as licensingTid } from './licensing/constants.ts';

const LicensingDuePage = lazyPage(() => import('./licensing/LicensingDuePage.tsx'), 'LicensingDuePage');
const LicensingFilePage = lazyPage(() => import('./licensing/LicensingFilePage.tsx'), 'LicensingFilePage');

export const messages = { ar, fr };

export const registryWeb: WebModule = {
  id: 'registry',
  labelKey: 'registry:module.title',
  icon: IconBuildingCommunity,
  permission: 'registry.read',
  messages,
  routes: [
    { path: licensingPath.due.slice(1), component: LicensingDuePage, permission: 'registry.read', nav: { labelKey: 'registry:licensing.nav', icon: IconCertificate, testId: licensingTid.navDue } },
    { path: licensingPath.file.slice(1), component: LicensingFilePage, permission: 'registry.read' },
  ],
};
