import type { ServerModule } from '../../server/module.ts';
import { registerMessages } from '../../server/i18n/messages.ts';
import { registryEnumLabels } from '../registry/index.ts';
import { publicRoutes } from './public/routes.ts';
import { directorySource } from './public/snapshot.ts';
import { staffRoutes } from './server/routes.ts';
import publicAr from './public/i18n/ar.json' with { type: 'json' };
import publicFr from './public/i18n/fr.json' with { type: 'json' };
import requestAr from './public/request/i18n/ar.json' with { type: 'json' };
import requestFr from './public/request/i18n/fr.json' with { type: 'json' };
import searchAr from './public/search/i18n/ar.json' with { type: 'json' };
import searchFr from './public/search/i18n/fr.json' with { type: 'json' };
import institutionAr from './public/institution/i18n/ar.json' with { type: 'json' };
import institutionFr from './public/institution/i18n/fr.json' with { type: 'json' };
import mapAr from './public/map/i18n/ar.json' with { type: 'json' };
import mapFr from './public/map/i18n/fr.json' with { type: 'json' };

registerMessages({ ar: publicAr, fr: publicFr });
registerMessages({ ar: requestAr, fr: requestFr });
registerMessages({ ar: searchAr, fr: searchFr });
registerMessages({ ar: institutionAr, fr: institutionFr });
registerMessages({ ar: mapAr, fr: mapFr });
// The public pages name categories, centre types, services and target groups as the staff screens do.
registerMessages({ ar: { directory: { enums: registryEnumLabels.ar } }, fr: { directory: { enums: registryEnumLabels.fr } } });

export const directoryModule: ServerModule = {
  name: 'directory',
  routes(api, ctx) {
    // One copy of the directory per server, shared by the public pages and the staff routes,
    // which refresh it after a write.
    const source = directorySource(ctx);
    publicRoutes(api, ctx, source);
    staffRoutes(api, ctx, source);
  },
};
