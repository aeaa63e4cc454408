/** The registry's screens: associations, institutions, their licensing, the import and the map. */
import { IconBuildingCommunity } from '@tabler/icons-react';
import type { WebModule } from '../../../platform/web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

export const messages = { ar, fr };

export const registryWeb: WebModule = {
  id: 'registry',
  labelKey: 'registry:module.title',
  icon: IconBuildingCommunity,
  permission: 'registry.read',
  messages,
  routes: [],
};
