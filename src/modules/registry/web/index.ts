/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity, IconFileImport, IconMap2 } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

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
    { path: 'registry/map', component: MapPage, permission: 'registry.read', nav: { labelKey: 'registry:map.nav', icon: IconMap2, testId: 'nav-registry-map' } },
    { path: 'registry/import', component: ImportInstitutionsPage, permission: 'registry.import', nav: { labelKey: 'registry:import.nav', icon: IconFileImport, testId: 'nav-registry-import' } },
  ],
};
