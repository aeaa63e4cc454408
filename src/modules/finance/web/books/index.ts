/** The books' screens: the institution's "Finance" tab and the pages it leads to. */
import { lazy } from 'react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { registerInstitutionTab } from '../../../registry/web/institution-tabs.ts';
import { tabKey } from './constants.ts';

registerInstitutionTab({
  key: tabKey,
  labelKey: 'finance:books.tab.label',
  order: 70,
  permission: 'finance.read',
  component: lazy(async () => ({ default: (await import('./FinanceTab.tsx')).FinanceTab })),
});

const EntryPage = lazyPage(() => import('./EntryPage.tsx'), 'EntryPage');
const JournalPage = lazyPage(() => import('./JournalPage.tsx'), 'JournalPage');
const ClosingsPage = lazyPage(() => import('./ClosingsPage.tsx'), 'ClosingsPage');
const GrantsPage = lazyPage(() => import('./GrantsPage.tsx'), 'GrantsPage');
const ReconciliationPage = lazyPage(() => import('./ReconciliationPage.tsx'), 'ReconciliationPage');

export const booksRoutes: WebPage[] = [
  { path: 'finance/institutions/$institutionId/entries/new', component: EntryPage, permission: 'finance.keep' },
  { path: 'finance/institutions/$institutionId/journals', component: JournalPage, permission: 'finance.read' },
  { path: 'finance/institutions/$institutionId/closings', component: ClosingsPage, permission: 'finance.read' },
  { path: 'finance/institutions/$institutionId/grants', component: GrantsPage, permission: 'finance.read' },
  { path: 'finance/institutions/$institutionId/reconciliation', component: ReconciliationPage, permission: 'finance.read' },
];
