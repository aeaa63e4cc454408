/** Institutions for the pages (TanStack Query keys and fetchers). */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, request, withQuery } from '../../../../platform/web/index.ts';
import { Ok } from '../../../../platform/contract/common.ts';
import {
  Institution,
  InstitutionPage,
  type CommitteeMemberBody,
  type CreateInstitutionBody,
  type RoomBody,
  type ServicesBody,
  type UpdateInstitutionBody,
} from '../../contract/institutions.ts';

export type ListFilters = Record<string, string | number | undefined>;

export const institutionKey = (id: string) => ['registry', 'institution', id] as const;

export const useInstitutions = (filters: ListFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['registry', 'institutions', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/institutions', { ...filters, after: pageParam, limit }), InstitutionPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const exportUrl = (filters: ListFilters, lang: string) => withQuery('/api/institutions/export.xlsx', { ...filters, lang });

export const useInstitution = (id: string) =>
  useQuery({ queryKey: institutionKey(id), queryFn: () => api.get(`/api/institutions/${encodeURIComponent(id)}`, Institution), retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2 });

/** Founders for the picker: the associations list searched by name (Arabic or Latin letters). */
function useInstitutionWrite<B>(id: string, send: (body: B) => Promise<Institution>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (institution) => {
      queryClient.setQueryData(institutionKey(id), institution);
      void queryClient.invalidateQueries({ queryKey: ['registry', 'institutions'] });
      void queryClient.invalidateQueries({ queryKey: ['registry', 'institution', id, 'history'] });
    },
  });
}

export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInstitutionBody) => api.post('/api/institutions', body, Institution),
    onSuccess: (institution) => {
      queryClient.setQueryData(institutionKey(institution.id), institution);
      void queryClient.invalidateQueries({ queryKey: ['registry', 'institutions'] });
    },
  });
}

const base = (id: string) => `/api/institutions/${encodeURIComponent(id)}`;

export const useUpdateInstitution = (id: string) => useInstitutionWrite(id, (body: UpdateInstitutionBody) => api.patch(base(id), body, Institution));
export const useAddRoom = (id: string) => useInstitutionWrite(id, (body: RoomBody) => api.post(`${base(id)}/rooms`, body, Institution));
export const useAddMember = (id: string) => useInstitutionWrite(id, (body: CommitteeMemberBody) => api.post(`${base(id)}/committee`, body, Institution));
/**
 * The services are replaced as a whole (PUT). The web client's method type names the methods the
 * platform's pages used so far; PUT goes through the same request() (CSRF token, language, errors).
 */
export const useSaveServices = (id: string) =>
  useInstitutionWrite(id, (body: ServicesBody) => request(`${base(id)}/services`, { method: 'PUT' as 'PATCH', body, schema: Institution }));

/** Removing a room or a member answers { ok }; the record is fetched again. */
export function useRemove(id: string, kind: 'rooms' | 'committee') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (childId: string) => request(`${base(id)}/${kind}/${encodeURIComponent(childId)}`, { method: 'DELETE', schema: Ok }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['registry', 'institution', id] });
      void queryClient.invalidateQueries({ queryKey: ['registry', 'institutions'] });
    },
  });
}
