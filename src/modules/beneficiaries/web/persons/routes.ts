/** The persons screens of the beneficiaries module (issue 6): search, and a person's page. */
import { IconUserSearch } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';

const PersonsPage = lazyPage(() => import('./PersonsPage.tsx'), 'PersonsPage');
const PersonPage = lazyPage(() => import('./PersonPage.tsx'), 'PersonPage');

export const personsPages: WebPage[] = [
  { path: 'beneficiaries/persons', component: PersonsPage, permission: 'beneficiaries.read', nav: { labelKey: 'beneficiaries:persons.nav', icon: IconUserSearch, testId: tid.nav } },
  { path: 'beneficiaries/persons/$personId', component: PersonPage, permission: 'beneficiaries.read' },
];
