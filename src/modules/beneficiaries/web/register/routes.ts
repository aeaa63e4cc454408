/** The register screens of the beneficiaries module (issue 6): the institution's Register tab and the occupancy board. */
import { lazy } from 'react';
import { IconBedFlat } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { registerInstitutionTab } from '../../../registry/web/institution-tabs.ts';
import { path, registerTabKey, tid } from './constants.ts';

registerInstitutionTab({
  key: registerTabKey,
  labelKey: 'beneficiaries:register.tab',
  order: 70,
  permission: 'beneficiaries.read',
  component: lazy(async () => ({ default: (await import('./RegisterTab.tsx')).RegisterTab })),
});

const OccupancyBoardPage = lazyPage(() => import('./OccupancyBoardPage.tsx'), 'OccupancyBoardPage');

export const registerPages: WebPage[] = [
  { path: path.board, component: OccupancyBoardPage, permission: 'registry.read', nav: { labelKey: 'beneficiaries:register.board.nav', icon: IconBedFlat, testId: tid.navBoard } },
];
