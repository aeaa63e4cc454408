/** The reception screens of the beneficiaries module (issue 6): the intake form and the queues. */
import { IconClipboardList, IconUserPlus } from '@tabler/icons-react';
import { lazyPage, type WebPage } from '../../../../platform/web/index.ts';
import { tid } from './constants.ts';

const ReceptionFormPage = lazyPage(() => import('./ReceptionFormPage.tsx'), 'ReceptionFormPage');
const QueuePage = lazyPage(() => import('./QueuePage.tsx'), 'QueuePage');

export const receptionPages: WebPage[] = [
  { path: 'beneficiaries/reception', component: ReceptionFormPage, permission: 'beneficiaries.receive', nav: { labelKey: 'beneficiaries:reception.nav', icon: IconUserPlus, testId: tid.navForm } },
  { path: 'beneficiaries/reception/queue', component: QueuePage, permission: 'beneficiaries.receive', nav: { labelKey: 'beneficiaries:reception.queueNav', icon: IconClipboardList, testId: tid.navQueue } },
];
