/** The territory module's screens: regions, their provinces and the provincial delegations. */
import { IconBuildingCommunity, IconMap2, IconMapPin } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const DelegationPage = lazyPage(() => import('./pages/DelegationPage.tsx'), 'DelegationPage');
const DelegationsPage = lazyPage(() => import('./pages/DelegationsPage.tsx'), 'DelegationsPage');
const RegionPage = lazyPage(() => import('./pages/RegionPage.tsx'), 'RegionPage');
const RegionsPage = lazyPage(() => import('./pages/RegionsPage.tsx'), 'RegionsPage');

export const messages = { ar, fr };

export const territoryWeb: WebModule = {
  id: 'territory',
  labelKey: 'territory:module.title',
  icon: IconMap2,
  permission: 'territory.read',
  messages,
  routes: [
    { path: 'territory/regions', component: RegionsPage, permission: 'territory.read', nav: { labelKey: 'territory:nav.regions', icon: IconMapPin, testId: 'nav-regions' } },
    { path: 'territory/regions/$regionId', component: RegionPage, permission: 'territory.read' },
    {
      path: 'territory/delegations',
      component: DelegationsPage,
      permission: 'territory.read',
      nav: { labelKey: 'territory:nav.delegations', icon: IconBuildingCommunity, testId: 'nav-delegations' },
    },
    { path: 'territory/delegations/$delegationId', component: DelegationPage, permission: 'territory.read' },
  ],
};

export { CommuneSelect, useCommunes, type CommuneSelectProps } from './components/CommuneSelect.tsx';
export { CommuneSearch, type CommuneName, type CommuneSearchProps } from './components/CommuneSearch.tsx';
