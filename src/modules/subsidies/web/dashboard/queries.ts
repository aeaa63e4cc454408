/** The dashboard's reads (TanStack Query keys and fetchers). */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { Dashboard, LateTranchesPage, Regularity, type DashboardLevel, type LateState } from '../../server/dashboard/contract.ts';

export interface NodeQuery {
  level?: DashboardLevel;
  id?: string;
  year: number;
}

export const useDashboard = (q: NodeQuery) =>
  useQuery({
    queryKey: ['subsidies', 'dashboard', q],
    queryFn: () => api.get(withQuery('/api/subsidies/dashboard', { ...q }), Dashboard),
    placeholderData: keepPreviousData,
  });

export const useRegularity = (q: { regionId?: string; to: number }, enabled: boolean) =>
  useQuery({
    queryKey: ['subsidies', 'regularity', q],
    queryFn: () => api.get(withQuery('/api/subsidies/dashboard/regularity', { regionId: q.regionId, from: q.to - 4, to: q.to }), Regularity),
    enabled,
  });

export interface LateFilters {
  state?: LateState;
  year?: number;
  regionId?: string;
  delegationId?: string;
  associationId?: string;
}

export const useLateTranches = (filters: LateFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['subsidies', 'late-tranches', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/subsidies/late-tranches', { ...filters, after: pageParam, limit }), LateTranchesPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
