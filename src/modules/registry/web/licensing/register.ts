/** The licensing tab of the institution page (order 40), loaded on first view. */
import { lazy } from 'react';
import { registerInstitutionTab } from '../institution-tabs.ts';

registerInstitutionTab({
  key: 'licensing',
  labelKey: 'registry:licensing.tab',
  order: 40,
  component: lazy(async () => ({ default: (await import('./LicensingTab.tsx')).LicensingTab })),
});
