/** Territory data for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, withQuery } from '../../../platform/web/index.ts';
import { Delegation, DelegationPage, Province, Region, RegionDetail } from '../contract.ts';

const RegionList = z.object({ items: z.array(Region) });
const ProvinceList = z.object({ items: z.array(Province) });

export const useRegions = () => useQuery({ queryKey: ['territory', 'regions'], queryFn: () => api.get('/api/territory/regions', RegionList), staleTime: 5 * 60_000 });

export const useRegion = (id: string) =>
  useQuery({ queryKey: ['territory', 'region', id], queryFn: () => api.get(`/api/territory/regions/${encodeURIComponent(id)}`, RegionDetail) });

export const useProvinces = (regionId: string | undefined) =>
  useQuery({
    queryKey: ['territory', 'provinces', regionId],
    queryFn: () => api.get(withQuery('/api/territory/provinces', { region: regionId }), ProvinceList),
    enabled: Boolean(regionId),
  });

export const useDelegation = (id: string) =>
  useQuery({ queryKey: ['organisation', 'delegation', id], queryFn: () => api.get(`/api/organisation/delegations/${encodeURIComponent(id)}`, Delegation) });

export const useDelegations = (filters: { region?: string; q?: string }, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['organisation', 'delegations', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/organisation/delegations', { ...filters, after: pageParam, limit }), DelegationPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
