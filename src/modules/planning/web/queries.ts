/** Action plans for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../platform/web/index.ts';
import { Plan, PlanPage, type CreatePlanBody } from '../contract.ts';

export const planKey = (id: string) => ['planning', 'plan', id] as const;

export const usePlans = (filters: { year?: number; state?: string }, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['planning', 'plans', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/planning/plans', { ...filters, after: pageParam, limit }), PlanPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePlan = (id: string) => useQuery({ queryKey: planKey(id), queryFn: () => api.get(`/api/planning/plans/${encodeURIComponent(id)}`, Plan) });

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api.post('/api/planning/plans', body, Plan),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['planning', 'plans'] }),
  });
}

/** Saves one section (diagnosis, objectives or activities) and puts the plan it returns in the cache. */
export function useSaveSection(id: string, section: 'diagnosis' | 'objectives' | 'activities') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch(`/api/planning/plans/${encodeURIComponent(id)}/${section}`, body, Plan),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(id), plan);
      void queryClient.invalidateQueries({ queryKey: ['planning', 'plans'] });
    },
  });
}
