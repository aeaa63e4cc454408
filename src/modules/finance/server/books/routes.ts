/** HTTP routes of the books: /api/finance/institutions/:id/accounts|entries|journals|closings|reconciliations… */
import { scoped, type ServerContext } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { Ok } from '../../../../platform/contract/common.ts';
import {
  Accounts, AutoMatchBody, AutoMatchResult, BalanceCheck, BalanceCheckQuery, CloseMonthBody, Closings, ClosingsQuery, CreateAccountBody,
  CreateEntryBody, Entry, EntryLines, EntryLinesQuery, EntryParams, GrantReportBody, Grants, GrantsQuery, InstitutionParams, JournalExportQuery,
  JournalPage, JournalParams, JournalQuery, MatchBody, Reconciliation, ReconciliationQuery, ReverseBody, UnmatchBody,
} from './contract.ts';
import { createAccount, listAccounts } from './accounts.ts';
import { closeMonth, listClosings } from './closings.ts';
import { accountBalance, createEntry, entryLines, getEntry, reverseEntry } from './entries.ts';
import { listGrants, reportGrant } from './grants.ts';
import { exportJournal } from './journal-export.ts';
import { journalPage, parseJournalCursor } from './journals.ts';
import { autoMatch, matchLine, reconciliation, unmatchLine } from './reconciliation.ts';

const tags = ['finance'];
const base = '/api/finance/institutions/:id';

export function booksRoutes(api: Api, ctx: ServerContext): void {
  api.get(`${base}/accounts`, { schema: { tags, params: InstitutionParams, response: { 200: Accounts } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx, user) => listAccounts(tx, user, request.params.id)),
  );
  api.post(`${base}/accounts`, { schema: { tags, params: InstitutionParams, body: CreateAccountBody, response: { 201: Accounts } } }, async (request, reply) => {
    const accounts = await scoped(ctx, request, 'finance.keep', (tx, user) => createAccount(tx, user, request.params.id, request.body));
    return reply.code(201).send(accounts);
  });

  api.get(`${base}/entries/lines`, { schema: { tags, params: InstitutionParams, querystring: EntryLinesQuery, response: { 200: EntryLines } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => entryLines(tx, request.params.id, request.query.year)),
  );
  api.get(`${base}/entries/balance`, { schema: { tags, params: InstitutionParams, querystring: BalanceCheckQuery, response: { 200: BalanceCheck } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => accountBalance(tx, request.params.id, request.query.journal, request.query.entryDate)),
  );
  api.post(`${base}/entries`, { schema: { tags, params: InstitutionParams, body: CreateEntryBody, response: { 201: Entry } } }, async (request, reply) => {
    const entry = await scoped(ctx, request, 'finance.keep', async (tx, user) => {
      const created = await createEntry(tx, user, request.params.id, request.body);
      // Recording a statement line: the entry and its match stand or fall together.
      if (request.body.statementLineId) await matchLine(tx, user, request.params.id, request.body.statementLineId, created.id);
      return created;
    });
    return reply.code(201).send(entry);
  });
  api.get(`${base}/entries/grants`, { schema: { tags, params: InstitutionParams, querystring: GrantsQuery, response: { 200: Grants } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => listGrants(tx, request.params.id, request.query.year)),
  );
  api.get(`${base}/entries/:entryId`, { schema: { tags, params: EntryParams, response: { 200: Entry } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => getEntry(tx, request.params.id, request.params.entryId)),
  );
  api.post(`${base}/entries/:entryId/reverse`, { schema: { tags, params: EntryParams, body: ReverseBody, response: { 201: Entry } } }, async (request, reply) => {
    const entry = await scoped(ctx, request, 'finance.keep', (tx, user) => reverseEntry(tx, user, request.params.id, request.params.entryId, request.body));
    return reply.code(201).send(entry);
  });
  api.post(`${base}/entries/:entryId/grant-report`, { schema: { tags, params: EntryParams, body: GrantReportBody, response: { 200: Grants } } }, (request) =>
    scoped(ctx, request, 'finance.keep', (tx, user) => reportGrant(tx, user, request.params.id, request.params.entryId, request.body)),
  );

  api.get(`${base}/journals/:journal`, { schema: { tags, params: JournalParams, querystring: JournalQuery, response: { 200: JournalPage } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => {
      const q = request.query;
      return journalPage(tx, request.params.id, request.params.journal, { from: q.from, to: q.to }, parseJournalCursor(q.after), q.limit);
    }),
  );
  api.get(`${base}/journals/:journal/export.xlsx`, { schema: { tags, params: JournalParams, querystring: JournalExportQuery } }, async (request, reply) => {
    const { from, to } = request.query;
    const file = await scoped(ctx, request, 'finance.read', (tx, user) => exportJournal(tx, user, request.params.id, request.params.journal, { from, to }, user.language));
    const name = `${request.lang === 'ar' ? 'journal' : 'journal'}-${request.params.journal}-${from}-${to}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file);
  });

  api.get(`${base}/closings`, { schema: { tags, params: InstitutionParams, querystring: ClosingsQuery, response: { 200: Closings } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => listClosings(tx, request.params.id, request.query.year)),
  );
  api.post(`${base}/closings`, { schema: { tags, params: InstitutionParams, body: CloseMonthBody, response: { 200: Closings } } }, (request) =>
    scoped(ctx, request, 'finance.keep', (tx, user) => closeMonth(tx, user, request.params.id, request.body.month)),
  );

  api.get(`${base}/reconciliations`, { schema: { tags, params: InstitutionParams, querystring: ReconciliationQuery, response: { 200: Reconciliation } } }, (request) =>
    scoped(ctx, request, 'finance.read', (tx) => reconciliation(tx, request.params.id, request.query.from, request.query.to)),
  );
  api.post(`${base}/reconciliations/match`, { schema: { tags, params: InstitutionParams, body: MatchBody, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'finance.keep', async (tx, user) => {
      await matchLine(tx, user, request.params.id, request.body.lineId, request.body.entryId);
      return { ok: true as const };
    }),
  );
  api.post(`${base}/reconciliations/unmatch`, { schema: { tags, params: InstitutionParams, body: UnmatchBody, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'finance.keep', async (tx) => {
      await unmatchLine(tx, request.params.id, request.body.lineId);
      return { ok: true as const };
    }),
  );
  api.post(`${base}/reconciliations/auto`, { schema: { tags, params: InstitutionParams, body: AutoMatchBody, response: { 200: AutoMatchResult } } }, (request) =>
    scoped(ctx, request, 'finance.keep', (tx, user) => autoMatch(tx, user, request.params.id, request.body.from, request.body.to)),
  );
}
