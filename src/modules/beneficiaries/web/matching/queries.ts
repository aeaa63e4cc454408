/** Matching for the screens: candidates, merges and access requests (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import {
  AccessRequest,
  AccessRequestPage,
  MatchResult,
  Merge,
  MergePage,
  type MatchInput,
} from '../../contract/matching.ts';
import { accessKey, matchKey, mergesKey } from './constants.ts';

/** Names given at all: below that, no national search is worth its cost. */
export const hasName = (input: MatchInput) =>
  [input.firstNameAr, input.lastNameAr, input.firstNameLat, input.lastNameLat].some((v) => (v ?? '').trim().length >= 2) || Boolean(input.cnie?.trim()) || Boolean(input.idcs?.trim());

const matchQuery = (input: MatchInput) => ({
  queryKey: matchKey(input),
  queryFn: () => api.post('/api/persons/match', input, MatchResult),
  staleTime: 30_000,
});

export const useCandidates = (input: MatchInput) => useQuery({ ...matchQuery(input), enabled: hasName(input) });

/** The same look-up awaited (a form decides whether to stop on it), cached for the panel that shows it. */
export const fetchCandidates = (queryClient: QueryClient, input: MatchInput) => queryClient.fetchQuery(matchQuery(input));

export function useAskAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, kind, reason }: { personId: string; kind: 'access' | 'transfer'; reason: string }) =>
      api.post(`/api/persons/${encodeURIComponent(personId)}/access-requests`, { kind, reason }, AccessRequest),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accessKey }),
  });
}

export function useProposeMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { keptId: string; mergedId: string; reason: string }) => api.post('/api/persons/merges', body, Merge),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mergesKey }),
  });
}

export const useMerges = (status: string | null) =>
  useInfiniteQuery({
    queryKey: [...mergesKey, status],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/persons/merges', { status: status ?? undefined, after: pageParam, limit: 50 }), MergePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useReviewMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'approve' | 'reject' | 'revert'; note: string }) =>
      api.post(`/api/persons/merges/${encodeURIComponent(id)}/${action}`, { note: note.trim() || null }, Merge),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mergesKey }),
  });
}

export const useAccessRequests = (direction: 'incoming' | 'outgoing', status: string | null) =>
  useInfiniteQuery({
    queryKey: [...accessKey, direction, status],
    queryFn: ({ pageParam }) =>
      api.get(withQuery('/api/access-requests', { direction, status: status ?? undefined, after: pageParam, limit: 50 }), AccessRequestPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useDecide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: string; action: 'grant' | 'refuse'; note: string }) =>
      api.post(`/api/access-requests/${encodeURIComponent(id)}/${action}`, { note: note.trim() || null }, AccessRequest),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: accessKey }),
  });
}

/** Pending requests the user's delegation must decide (the navigation badge). */
export const usePendingIncoming = (): number | undefined =>
  useQuery({
    queryKey: [...accessKey, 'incoming', 'pending', 'count'],
    queryFn: () => api.get(withQuery('/api/access-requests', { direction: 'incoming', status: 'pending', limit: 100 }), AccessRequestPage),
    refetchInterval: 60_000,
  }).data?.items.length;
