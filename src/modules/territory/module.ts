import type { ServerModule } from '../../server/module.ts';
import { registerConstraintMessages } from '../../server/problem.ts';
import { territoryRoutes } from './server/routes.ts';
import './server/documents.ts';
import './server/organisation-report.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };

registerConstraintMessages({
  communes_province_name_fr_key: { path: 'nameFr', key: 'territory.errors.duplicate_commune_name', status: 409 },
  communes_province_name_ar_key: { path: 'nameAr', key: 'territory.errors.duplicate_commune_name', status: 409 },
});

export const territoryModule: ServerModule = { name: 'territory', messages: { ar, fr }, routes: territoryRoutes };
