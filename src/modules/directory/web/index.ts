/**
 * The directory's staff screens (issue 7): the "Public directory" page of a delegation's
 * institutions and the institution's "Public page" tab (publication settings, availability, history).
 */
import { lazy } from 'react';
import { IconWorldWww } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../../platform/web/index.ts';
import { registerInstitutionTab } from '../../registry/web/institution-tabs.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { path, tabKey, tid } from './constants.ts';

export const messages = { ar, fr };

registerInstitutionTab({
  key: tabKey,
  labelKey: 'directory:tab.label',
  order: 80,
  component: lazy(async () => ({ default: (await import('./PublicPageTab.tsx')).PublicPageTab })),
});

const DirectoryPage = lazyPage(() => import('./DirectoryPage.tsx'), 'DirectoryPage');

export const directoryWeb: WebModule = {
  id: 'directory',
  labelKey: 'directory:module.title',
  icon: IconWorldWww,
  permission: 'directory.availability',
  messages,
  routes: [{ path: path.list, component: DirectoryPage, permission: 'directory.availability', nav: { labelKey: 'directory:list.nav', icon: IconWorldWww, testId: tid.nav } }],
};
