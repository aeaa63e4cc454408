/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity, IconBuildingEstate, IconCertificate, IconFileImport, IconMap2, IconUsersGroup } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import './institutions/tabs.ts';
import './licensing/register.ts';
import { path as licensingPath, tid as licensingTid } from './licensing/constants.ts';

const InstitutionsPage = lazyPage(() => import('./institutions/pages/InstitutionsPage.tsx'), 'InstitutionsPage');
const InstitutionPage = lazyPage(() => import('./institutions/pages/InstitutionPage.tsx'), 'InstitutionPage');
const InstitutionCreatePage = lazyPage(() => import('./institutions/pages/InstitutionFormPage.tsx'), 'InstitutionCreatePage');
const InstitutionEditPage = lazyPage(() => import('./institutions/pages/InstitutionFormPage.tsx'), 'InstitutionEditPage');

const LicensingDuePage = lazyPage(() => import('./licensing/LicensingDuePage.tsx'), 'LicensingDuePage');
const LicensingFilePage = lazyPage(() => import('./licensing/LicensingFilePage.tsx'), 'LicensingFilePage');

const AssociationsPage = lazyPage(() => import('./associations/AssociationsPage.tsx'), 'AssociationsPage');
const AssociationPage = lazyPage(() => import('./associations/AssociationPage.tsx'), 'AssociationPage');

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
    { path: 'registry/institutions', component: InstitutionsPage, permission: 'registry.read', nav: { labelKey: 'registry:institutions.nav', icon: IconBuildingEstate, testId: 'nav-institutions' } },
    { path: 'registry/institutions/new', component: InstitutionCreatePage, permission: 'registry.create' },
    { path: 'registry/institutions/$institutionId', component: InstitutionPage, permission: 'registry.read' },
    { path: 'registry/institutions/$institutionId/edit', component: InstitutionEditPage, permission: 'registry.write' },
    { path: 'registry/associations', component: AssociationsPage, permission: 'registry.read', nav: { labelKey: 'registry:associations.nav', icon: IconUsersGroup, testId: 'nav-associations' } },
    { path: 'registry/associations/$associationId', component: AssociationPage, permission: 'registry.read' },
    { path: licensingPath.due.slice(1), component: LicensingDuePage, permission: 'registry.read', nav: { labelKey: 'registry:licensing.nav', icon: IconCertificate, testId: licensingTid.navDue } },
    { path: licensingPath.file.slice(1), component: LicensingFilePage, permission: 'registry.read' },
    { path: 'registry/map', component: MapPage, permission: 'registry.read', nav: { labelKey: 'registry:map.nav', icon: IconMap2, testId: 'nav-registry-map' } },
    { path: 'registry/import', component: ImportInstitutionsPage, permission: 'registry.import', nav: { labelKey: 'registry:import.nav', icon: IconFileImport, testId: 'nav-registry-import' } },
  ],
};
