/** The budget part's data for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, withQuery } from '../../../../platform/web/index.ts';
import { Ok } from '../../../../platform/contract/common.ts';
import {
  Budget,
  BudgetPage,
  Chart,
  ChartLine,
  DailyCost,
  DailyCosts,
  type AmountsInput,
  type CreateBudgetBody,
  type CreateLineInput,
  type LegalCategory,
  type UpdateLineBody,
} from '../../server/budget/contract.ts';

export const budgetKey = (id: string) => ['finance', 'budget', id] as const;
const enc = encodeURIComponent;

export const useBudgets = (filters: { year?: number; state?: string }, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['finance', 'budgets', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/finance/budgets', { ...filters, after: pageParam, limit }), BudgetPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useBudget = (id: string) => useQuery({ queryKey: budgetKey(id), queryFn: () => api.get(`/api/finance/budgets/${enc(id)}`, Budget) });

/** A mutation that answers a budget: the cache of that budget and the lists are refreshed. */
function useBudgetMutation<B>(call: (body: B) => Promise<Budget>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (budget) => {
      queryClient.setQueryData(budgetKey(budget.id), budget);
      void queryClient.invalidateQueries({ queryKey: ['finance', 'budgets'] });
    },
  });
}

export const useCreateBudget = () => useBudgetMutation((body: CreateBudgetBody) => api.post('/api/finance/budgets', body, Budget));
export const useSaveAmounts = (id: string) => useBudgetMutation((body: AmountsInput) => api.put(`/api/finance/budgets/${enc(id)}/amounts`, body, Budget));
export const useFromActuals = (id: string) => useBudgetMutation((_: void) => api.post(`/api/finance/budgets/${enc(id)}/from-actuals`, undefined, Budget));
export const useRevise = (id: string) => useBudgetMutation((body: { note: string }) => api.post(`/api/finance/budgets/${enc(id)}/revisions`, body, Budget));

export const useChart = (year?: number) =>
  useQuery({ queryKey: ['finance', 'chart', year ?? null], queryFn: () => api.get(withQuery('/api/finance/chart', { year }), Chart) });

function useChartMutation<B, R>(call: (body: B) => Promise<R>, key: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['finance', key] }) });
}

export const useCreateLine = () => useChartMutation((body: CreateLineInput) => api.post('/api/finance/chart', body, ChartLine), 'chart');
export const useUpdateLine = () =>
  useChartMutation(({ code, body }: { code: string; body: UpdateLineBody }) => api.put(`/api/finance/chart/lines/${enc(code)}`, body, ChartLine), 'chart');

export const useDailyCosts = (year?: number) =>
  useQuery({ queryKey: ['finance', 'daily-costs', year ?? null], queryFn: () => api.get(withQuery('/api/finance/chart/daily-costs', { year }), DailyCosts) });
export const usePutDailyCost = () =>
  useChartMutation(
    ({ category, year, amountMad }: { category: LegalCategory; year: number; amountMad: string }) =>
      api.put(`/api/finance/chart/daily-costs/${category}/${year}`, { amountMad }, DailyCost),
    'daily-costs',
  );
export const useDeleteDailyCost = () =>
  useChartMutation(({ category, year }: { category: LegalCategory; year: number }) => request(`/api/finance/chart/daily-costs/${category}/${year}`, { method: 'DELETE', schema: Ok }), 'daily-costs');
