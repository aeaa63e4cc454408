import type { ServerModule } from '../../server/module.ts';
import { registerMessages } from '../../server/i18n/messages.ts';
import { registryEnumLabels } from '../registry/index.ts';
import { publicRoutes } from './public/routes.ts';
import { directorySource } from './public/snapshot.ts';
import { staffRoutes } from './server/routes.ts';
import publicAr from './public/i18n/ar.json' with { type: 'json' };
import publicFr from './public/i18n/fr.json' with { type: 'json' };

registerMessages({ ar: publicAr, fr: publicFr });
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
