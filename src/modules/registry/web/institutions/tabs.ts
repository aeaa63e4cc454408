/** The institution page's tabs that this part owns (licensing registers its own at order 40). */
import { lazy } from 'react';
import { registerInstitutionTab } from '../institution-tabs.ts';

const lazyTab = <N extends string>(load: () => Promise<Record<N, React.ComponentType<{ institutionId: string }>>>, name: N) =>
  lazy(async () => ({ default: (await load())[name] }));

registerInstitutionTab({ key: 'identity', labelKey: 'registry:institutions.tabs.identity', order: 10, component: lazyTab(() => import('./tabs/IdentityTab.tsx'), 'IdentityTab') });
registerInstitutionTab({ key: 'capacity', labelKey: 'registry:institutions.tabs.capacity', order: 20, component: lazyTab(() => import('./tabs/CapacityTab.tsx'), 'CapacityTab') });
registerInstitutionTab({ key: 'governance', labelKey: 'registry:institutions.tabs.governance', order: 30, component: lazyTab(() => import('./tabs/GovernanceTab.tsx'), 'GovernanceTab') });
registerInstitutionTab({ key: 'documents', labelKey: 'registry:institutions.tabs.documents', order: 50, component: lazyTab(() => import('./tabs/DocumentsTab.tsx'), 'DocumentsTab') });
registerInstitutionTab({ key: 'history', labelKey: 'registry:institutions.tabs.history', order: 60, component: lazyTab(() => import('./tabs/HistoryTab.tsx'), 'HistoryTab') });
