/** The books part of the finance module (issue 9): routes, the entry documents, the grant-report deadline, the statement import. */
import { registerConstraintMessages } from '../../../../server/problem.ts';
import './documents.ts';
import './grant-deadline.ts';
import './statement-import.ts';

// Rules the database alone enforces (0120), answered with their own words.
registerConstraintMessages({
  accounts_institution_id_kind_key: { path: 'kind', key: 'finance.validation.account_exists', status: 409 },
  accounts_rib_check: { path: 'rib', key: 'registry.errors.rib_key' },
  entries_reversed_once: { path: 'entryId', key: 'finance.validation.already_reversed', status: 409 },
  closed_months_pkey: { path: 'month', key: 'finance.validation.already_closed', status: 409 },
});

export { booksRoutes } from './routes.ts';
