/** The books for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { Ok } from '../../../../platform/contract/common.ts';
import {
  Accounts, AutoMatchResult, BalanceCheck, Closings, Entry, EntryLines, Grants, JournalPage, Reconciliation,
  type CreateAccountBody, type CreateEntryBody, type GrantReportBody, type Journal, type ReverseBody,
} from '../../server/books/contract.ts';

const root = (id: string) => `/api/finance/institutions/${encodeURIComponent(id)}`;
export const booksKey = (id: string) => ['finance', 'books', id] as const;

export const useAccounts = (id: string) => useQuery({ queryKey: [...booksKey(id), 'accounts'], queryFn: () => api.get(`${root(id)}/accounts`, Accounts) });

export const useEntryLines = (id: string, year: number) =>
  useQuery({ queryKey: ['finance', 'entry-lines', year], queryFn: () => api.get(withQuery(`${root(id)}/entries/lines`, { year }), EntryLines), staleTime: 600_000 });

export const useBalance = (id: string, journal: Journal, entryDate: string, enabled: boolean) =>
  useQuery({
    queryKey: [...booksKey(id), 'balance', journal, entryDate],
    queryFn: () => api.get(withQuery(`${root(id)}/entries/balance`, { journal, entryDate }), BalanceCheck),
    enabled: enabled && journal !== 'in_kind' && /^\d{4}-\d{2}-\d{2}$/.test(entryDate),
  });

export const useJournal = (id: string, journal: Journal, from: string, to: string) =>
  useInfiniteQuery({
    queryKey: [...booksKey(id), 'journal', journal, from, to],
    queryFn: ({ pageParam }) => api.get(withQuery(`${root(id)}/journals/${journal}`, { from, to, after: pageParam, limit: 50 }), JournalPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const journalExportHref = (id: string, journal: Journal, from: string, to: string) => withQuery(`${root(id)}/journals/${journal}/export.xlsx`, { from, to });

export const useGrants = (id: string, year: number) => useQuery({ queryKey: [...booksKey(id), 'grants', year], queryFn: () => api.get(withQuery(`${root(id)}/entries/grants`, { year }), Grants) });
export const useClosings = (id: string, year: number) => useQuery({ queryKey: [...booksKey(id), 'closings', year], queryFn: () => api.get(withQuery(`${root(id)}/closings`, { year }), Closings) });
export const useReconciliation = (id: string, from: string, to: string) =>
  useQuery({ queryKey: [...booksKey(id), 'reconciliation', from, to], queryFn: () => api.get(withQuery(`${root(id)}/reconciliations`, { from, to }), Reconciliation) });

/** Every write changes balances somewhere: the institution's books are read again. */
function useBooksMutation<A, R>(id: string, fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: booksKey(id) }) });
}

export const useCreateAccount = (id: string) => useBooksMutation(id, (body: CreateAccountBody) => api.post(`${root(id)}/accounts`, body, Accounts));
export const useCreateEntry = (id: string) => useBooksMutation(id, (body: CreateEntryBody) => api.post(`${root(id)}/entries`, body, Entry));
export const useReverse = (id: string) => useBooksMutation(id, ({ entryId, body }: { entryId: string; body: ReverseBody }) => api.post(`${root(id)}/entries/${entryId}/reverse`, body, Entry));
export const useReportGrant = (id: string) => useBooksMutation(id, ({ entryId, body }: { entryId: string; body: GrantReportBody }) => api.post(`${root(id)}/entries/${entryId}/grant-report`, body, Grants));
export const useCloseMonth = (id: string) => useBooksMutation(id, (month: string) => api.post(`${root(id)}/closings`, { month }, Closings));
export const useMatch = (id: string) => useBooksMutation(id, (body: { lineId: string; entryId: string }) => api.post(`${root(id)}/reconciliations/match`, body, Ok));
export const useUnmatch = (id: string) => useBooksMutation(id, (lineId: string) => api.post(`${root(id)}/reconciliations/unmatch`, { lineId }, Ok));
export const useAutoMatch = (id: string) => useBooksMutation(id, (body: { from: string; to: string }) => api.post(`${root(id)}/reconciliations/auto`, body, AutoMatchResult));
