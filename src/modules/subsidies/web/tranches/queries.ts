/** Tranches for the screens (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { ConventionTranches, DuePage, Tranche, type ConfirmConditionBody, type DisburseBody, type PlanTrancheBody, type ReleaseTrancheBody } from '../../contract/tranches.ts';

export const conventionTranchesKey = (id: string) => ['subsidies', 'tranches', 'convention', id] as const;

export const useConventionTranches = (conventionId: string) =>
  useQuery({ queryKey: conventionTranchesKey(conventionId), queryFn: () => api.get(`/api/subsidies/conventions/${encodeURIComponent(conventionId)}/tranches`, ConventionTranches) });

export const useDueTranches = (filters: { month: string; delegationId?: string }, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['subsidies', 'tranches', 'due', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/subsidies/tranches/due', { ...filters, after: pageParam, limit }), DuePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every write answers the tranche; the convention's timeline and the lists are read again. */
function useTrancheWrite<B>(conventionId: string, send: (body: B) => Promise<Tranche>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: conventionTranchesKey(conventionId) });
      void queryClient.invalidateQueries({ queryKey: ['subsidies', 'tranches', 'due'] });
    },
  });
}

const trancheUrl = (id: string, rest = '') => `/api/subsidies/tranches/${encodeURIComponent(id)}${rest}`;

export const usePlanTranche = (conventionId: string) =>
  useTrancheWrite(conventionId, (body: PlanTrancheBody) => api.post(`/api/subsidies/conventions/${encodeURIComponent(conventionId)}/tranches`, body, Tranche));
export const useConfirmCondition = (conventionId: string, trancheId: string) =>
  useTrancheWrite(conventionId, ({ code, ...body }: ConfirmConditionBody & { code: string }) => api.post(trancheUrl(trancheId, `/conditions/${code}`), body, Tranche));
export const useReleaseTranche = (conventionId: string, trancheId: string) =>
  useTrancheWrite(conventionId, (body: ReleaseTrancheBody) => api.post(trancheUrl(trancheId, '/release'), body, Tranche));
export const useDisburse = (conventionId: string, trancheId: string) =>
  useTrancheWrite(conventionId, (body: DisburseBody) => api.post(trancheUrl(trancheId, '/disbursements'), body, Tranche));
export const useCancelTranche = (conventionId: string, trancheId: string) =>
  useTrancheWrite(conventionId, () => api.post(trancheUrl(trancheId, '/cancel'), undefined, Tranche));
