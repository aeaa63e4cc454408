/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity, IconUsersGroup } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const AssociationsPage = lazyPage(() => import('./associations/AssociationsPage.tsx'), 'AssociationsPage');
const AssociationPage = lazyPage(() => import('./associations/AssociationPage.tsx'), 'AssociationPage');

export const messages = { ar, fr };

export const registryWeb: WebModule = {
  id: 'registry',
  labelKey: 'registry:module.title',
  icon: IconBuildingCommunity,
  permission: 'registry.read',
  messages,
  routes: [
    { path: 'registry/associations', component: AssociationsPage, permission: 'registry.read', nav: { labelKey: 'registry:associations.nav', icon: IconUsersGroup, testId: 'nav-associations' } },
    { path: 'registry/associations/$associationId', component: AssociationPage, permission: 'registry.read' },
  ],
};
