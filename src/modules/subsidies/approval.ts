/**
 * The approval chains of subsidy conventions (configuration, decision 0007): a convention is
 * approved before it is signed. A delegation's convention is drafted by the provincial delegate and
 * approved by the regional coordinator; a region's by the regional coordinator and approved
 * centrally. Sections: 'terms' (object, period, total, institutions) and 'funding' (partners,
 * amounts per year, obligations), each returnable on its own.
 */
// Imported from the configuration file itself (not the service's index) so the web bundle can read it.
import { defineDocumentType } from '../../platform/approvals/document-types.ts';

export const conventionSections = ['terms', 'funding'] as const;

export const delegationConvention = defineDocumentType({
  key: 'subsidy_convention',
  sections: conventionSections,
  chain: [
    { level: 'delegation', roles: ['provincial_delegate', 'system_admin'] },
    { level: 'region', roles: ['regional_coordinator', 'system_admin'] },
  ],
});

export const regionConvention = defineDocumentType({
  key: 'subsidy_convention_region',
  sections: conventionSections,
  chain: [
    { level: 'region', roles: ['regional_coordinator', 'system_admin'] },
    { level: 'central', roles: ['central_analyst', 'system_admin'] },
  ],
});
