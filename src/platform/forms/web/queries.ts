/** Forms data for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../contract/common.ts';
import { api, useCurrentUser, withQuery } from '../../web/index.ts';
import { Form, FormPage, FormResponse, FormVersion, ResponsePage, type FormListQuery, type ResponseListQuery } from '../contract.ts';

export const formsKey = ['forms'] as const;

export const useForms = (filters: Pick<FormListQuery, 'q' | 'purpose' | 'published'>, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...formsKey, 'list', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/forms', { ...filters, after: pageParam, limit }), FormPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useFormRecord = (id: string | undefined) =>
  useQuery({ queryKey: [...formsKey, 'form', id], queryFn: () => api.get(`/api/forms/${encodeURIComponent(id!)}`, Form), enabled: Boolean(id) });

export const useVersion = (id: string) =>
  useQuery({ queryKey: [...formsKey, 'version', id], queryFn: () => api.get(`/api/forms/versions/${encodeURIComponent(id)}`, FormVersion) });

export const useResponses = (filters: Pick<ResponseListQuery, 'form' | 'status' | 'subjectType' | 'subjectId'>, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...formsKey, 'responses', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/forms/responses', { ...filters, after: pageParam, limit }), ResponsePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useResponse = (id: string) =>
  useQuery({ queryKey: [...formsKey, 'response', id], queryFn: () => api.get(`/api/forms/responses/${encodeURIComponent(id)}`, FormResponse) });

const DelegationOption = z.object({ id: z.string(), nameAr: z.string(), nameFr: z.string(), regionId: z.string() });
const DelegationOptions = pageOf(DelegationOption);

/** Delegations the user may answer about: its own, those of its region, or all for the nation. */
export function useSubjectDelegations() {
  const me = useCurrentUser();
  return useInfiniteQuery({
    queryKey: ['organisation', 'delegations', 'subjects', me.scope.regionId],
    queryFn: ({ pageParam }) =>
      api.get(withQuery('/api/organisation/delegations', { region: me.scope.regionId ?? undefined, after: pageParam, limit: 200 }), DelegationOptions),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((p) => p.items).filter((d) => me.scope.level !== 'delegation' || d.id === me.scope.delegationId),
  });
}
