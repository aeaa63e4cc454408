import type { ServerModule } from '../../server/module.ts';
import { formsRoutes } from './server/routes.ts';
// Registers 'form_response' as a document owner (files of file questions).
import './server/documents.ts';
import serverAr from './server/i18n/ar.json' with { type: 'json' };
import serverFr from './server/i18n/fr.json' with { type: 'json' };
import webAr from './i18n/ar.json' with { type: 'json' };
import webFr from './i18n/fr.json' with { type: 'json' };

/** Answer errors come from the screens' catalog, so the server and the filling screen say the same words. */
export const formsModule: ServerModule = {
  name: 'forms',
  messages: {
    ar: { ...serverAr, forms: { ...serverAr.forms, answer: webAr.answer } },
    fr: { ...serverFr, forms: { ...serverFr.forms, answer: webFr.answer } },
  },
  routes: formsRoutes,
};
