/** The forms screens: list, designer with preview, filling (phone width), answered forms with scores. */
import { IconChecklist, IconClipboardList, IconForms } from '@tabler/icons-react';
import { lazyPage, type WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';

const FormCreatePage = lazyPage(() => import('./pages/FormCreatePage.tsx'), 'FormCreatePage');
const FormsPage = lazyPage(() => import('./pages/FormsPage.tsx'), 'FormsPage');
const ResponsePage = lazyPage(() => import('./pages/ResponsePage.tsx'), 'ResponsePage');
const ResponsesPage = lazyPage(() => import('./pages/ResponsesPage.tsx'), 'ResponsesPage');
const StartResponsePage = lazyPage(() => import('./pages/StartResponsePage.tsx'), 'StartResponsePage');
const VersionPage = lazyPage(() => import('./pages/VersionPage.tsx'), 'VersionPage');

export const messages = { ar, fr };

export const formsWeb: WebModule = {
  id: 'forms',
  labelKey: 'forms:module.title',
  icon: IconForms,
  permission: 'forms.read',
  messages,
  routes: [
    { path: 'forms', component: FormsPage, permission: 'forms.read', nav: { labelKey: 'forms:nav.forms', icon: IconClipboardList, testId: 'nav-forms' } },
    { path: 'forms/new', component: FormCreatePage, permission: 'forms.design' },
    { path: 'forms/versions/$versionId', component: VersionPage, permission: 'forms.read' },
    { path: 'forms/versions/$versionId/answer', component: StartResponsePage, permission: 'forms.answer' },
    { path: 'form-responses', component: ResponsesPage, permission: 'forms.read', nav: { labelKey: 'forms:nav.responses', icon: IconChecklist, testId: 'nav-form-responses' } },
    { path: 'form-responses/$responseId', component: ResponsePage, permission: 'forms.read' },
  ],
};
