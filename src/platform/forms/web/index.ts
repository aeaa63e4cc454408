/** The forms screens: list, designer with preview, filling (phone width), answered forms with scores. */
import { IconChecklist, IconClipboardList, IconForms } from '@tabler/icons-react';
import type { WebModule } from '../../web/index.ts';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { FormCreatePage } from './pages/FormCreatePage.tsx';
import { FormsPage } from './pages/FormsPage.tsx';
import { ResponsePage } from './pages/ResponsePage.tsx';
import { ResponsesPage } from './pages/ResponsesPage.tsx';
import { StartResponsePage } from './pages/StartResponsePage.tsx';
import { VersionPage } from './pages/VersionPage.tsx';

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
