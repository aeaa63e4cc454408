/**
 * The approval chains of institution finance (configuration, decision 0007). The budget: the
 * director (or the accountant) drafts and submits; the founder (the association's officer) approves
 * it, which sends it to the delegation; the delegation reviews and approves. Region and nation see
 * the consolidation of approved budgets. The annual financial report follows the same chain.
 */
// Imported from the configuration file itself (not the service's index) so the web bundle can read it.
import { defineDocumentType } from '../../platform/approvals/document-types.ts';

/** The budget's approval sections: the rows of finance.budget_amounts carry their kind as section. */
export const budgetSections = ['revenue', 'expenditure'] as const;

export const institutionBudget = defineDocumentType({
  key: 'institution_budget',
  sections: budgetSections,
  chain: [
    { level: 'institution', roles: ['institution_director', 'institution_accountant'] },
    { level: 'association', roles: ['association_officer'] },
    { level: 'delegation', roles: ['provincial_delegate', 'system_admin'] },
  ],
});

export const institutionFinancialReport = defineDocumentType({
  key: 'institution_financial_report',
  sections: ['report'],
  chain: [
    { level: 'institution', roles: ['institution_director', 'institution_accountant'] },
    { level: 'association', roles: ['association_officer'] },
    { level: 'delegation', roles: ['provincial_delegate', 'system_admin'] },
  ],
});
