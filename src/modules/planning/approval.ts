/**
 * The approval chain of the annual action plan (configuration, decision 0007): the provincial
 * delegate drafts and submits, the regional coordinator of the plan's region validates, a central
 * user (the central analyst of the planning directorate, or an administrator) approves.
 */
// Imported from the configuration file itself (not the service's index) so the web bundle can read it.
import { defineDocumentType } from '../../platform/approvals/document-types.ts';
import { planSections } from './contract.ts';

export const delegationActionPlan = defineDocumentType({
  key: 'delegation_action_plan',
  sections: planSections,
  chain: [
    { level: 'delegation', roles: ['provincial_delegate', 'system_admin'] },
    { level: 'region', roles: ['regional_coordinator', 'system_admin'] },
    { level: 'central', roles: ['central_analyst', 'system_admin'] },
  ],
});
