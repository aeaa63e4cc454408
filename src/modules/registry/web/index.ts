/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity, IconCertificate, IconFileImport, IconMap2 } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import './licensing/register.ts';
import { path as licensingPath, tid as licensingTid } from './licensing/constants.ts';

const LicensingDuePage = lazyPage(() => import('./licensing/LicensingDuePage.tsx'), 'LicensingDuePage');
const LicensingFilePage = lazyPage(() => import('./licensing/LicensingFilePage.tsx'), 'LicensingFilePage');

export const messages = { ar, fr };

// The map's code (d3-geo, topojson-client, supercluster) and boundaries load with its page only.
const MapPage = lazyPage(() => import('./map/MapPage.tsx'), 'MapPage');
const ImportInstitutionsPage = lazyPage(() => import('./import/ImportInstitutionsPage.tsx'), 'ImportInstitutionsPage');

export const registryWeb: WebModule = {
  id: 'registry',
  labelKey: 'registry:module.title',
  icon: IconBuildingCommunity,
  permission: 'registry.read',
  messages,
  routes: [
    { path: licensingPath.due.slice(1), component: LicensingDuePage, permission: 'registry.read', nav: { labelKey: 'registry:licensing.nav', icon: IconCertificate, testId: licensingTid.navDue } },
    { path: licensingPath.file.slice(1), component: LicensingFilePage, permission: 'registry.read' },
    { path: 'registry/map', component: MapPage, permission: 'registry.read', nav: { labelKey: 'registry:map.nav', icon: IconMap2, testId: 'nav-registry-map' } },
    { path: 'registry/import', component: ImportInstitutionsPage, permission: 'registry.import', nav: { labelKey: 'registry:import.nav', icon: IconFileImport, testId: 'nav-registry-import' } },
  ],
};
