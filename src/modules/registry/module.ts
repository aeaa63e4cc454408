import type { ServerModule } from '../../server/module.ts';
import { registerConstraintMessages } from '../../server/problem.ts';
import { registryRoutes } from './server/routes.ts';
import './server/history.ts';
import ar from './server/i18n/ar.json' with { type: 'json' };
import fr from './server/i18n/fr.json' with { type: 'json' };
import './server/licensing/constraints.ts';

// Rules the database alone enforces (0051), answered with their own words.
registerConstraintMessages({
  institutions_paid_only_elderly_disability: { path: 'feeMode', key: 'registry.errors.paid_not_allowed' },
  institutions_position_in_morocco: { path: 'latitude', key: 'registry.errors.position_outside_morocco' },
  institutions_commune_name_fr_key: { path: 'nameFr', key: 'registry.errors.duplicate_name_in_commune', status: 409 },
  institutions_commune_name_ar_key: { path: 'nameAr', key: 'registry.errors.duplicate_name_in_commune', status: 409 },
  institutions_capacity_matches_sex: { path: 'sexServed', key: 'registry.errors.capacity_sex_mismatch' },
  institutions_kind_given: { path: 'legalCategory', key: 'registry.errors.kind_required' },
  associations_rib_check: { path: 'rib', key: 'registry.errors.rib_key' },
});

export const registryModule: ServerModule = { name: 'registry', messages: { ar, fr }, routes: registryRoutes };
import './server/institutions/constraints.ts';
