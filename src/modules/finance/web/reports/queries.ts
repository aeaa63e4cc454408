/** The finance reports for the pages (TanStack Query keys and fetchers). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { BudgetVsActual, Consolidation, FinancialReport, Indicators } from '../../server/reports/contract.ts';

const base = (id: string) => `/api/finance/reports/institutions/${encodeURIComponent(id)}`;
export const financialReportKey = (id: string, year: number) => ['finance', 'financial-report', id, year] as const;

export const useBudgetVsActual = (id: string, year: number) =>
  useQuery({ queryKey: ['finance', 'budget-vs-actual', id, year], queryFn: () => api.get(withQuery(`${base(id)}/budget-vs-actual`, { year }), BudgetVsActual) });

export const useIndicators = (id: string, year: number) =>
  useQuery({ queryKey: ['finance', 'indicators', id, year], queryFn: () => api.get(withQuery(`${base(id)}/indicators`, { year }), Indicators) });

export const useFinancialReport = (id: string, year: number) =>
  useQuery({ queryKey: financialReportKey(id, year), queryFn: () => api.get(withQuery(`${base(id)}/financial-report`, { year }), FinancialReport.nullable()) });

export function usePrepareFinancialReport(id: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${base(id)}/financial-report`, { year }, FinancialReport),
    onSuccess: (report) => queryClient.setQueryData(financialReportKey(id, year), report),
  });
}

/** The annual report's file, fetched by the browser itself (the session cookie goes with it). */
export const annualReportHref = (id: string, year: number, lang: string, format: string) => withQuery(`${base(id)}/annual`, { year, lang, format });

export const useConsolidation = (year: number, target: { regionId?: string; delegationId?: string }) =>
  useQuery({ queryKey: ['finance', 'consolidation', year, target], queryFn: () => api.get(withQuery('/api/finance/consolidation', { year, ...target }), Consolidation) });
