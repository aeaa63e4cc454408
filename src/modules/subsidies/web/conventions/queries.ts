/** Conventions for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { Convention, ConventionPage, type ConventionFilters, type CreateConventionBody } from '../../server/conventions/contract.ts';

export const conventionKey = (id: string) => ['subsidies', 'convention', id] as const;
const listKey = ['subsidies', 'conventions'] as const;
const url = (id: string, rest = '') => `/api/subsidies/conventions/${encodeURIComponent(id)}${rest}`;

export const useConventions = (filters: ConventionFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...listKey, filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/subsidies/conventions', { ...filters, after: pageParam, limit }), ConventionPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const exportHref = (filters: ConventionFilters, lang: string) => withQuery('/api/subsidies/conventions/export.xlsx', { ...filters, lang });
export const pdfHref = (id: string, lang: string) => withQuery(url(id, '/convention.pdf'), { lang });

export const useConvention = (id: string) => useQuery({ queryKey: conventionKey(id), queryFn: () => api.get(url(id), Convention) });

export function useCreateConvention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConventionBody) => api.post('/api/subsidies/conventions', body, Convention),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKey }),
  });
}

/** One write on a convention (a section, the signatories, the signature, an amendment); the page takes the convention it returns. */
export function useConventionWrite(id: string, rest: string, method: 'post' | 'patch') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => (method === 'post' ? api.post(url(id, rest), body, Convention) : api.patch(url(id, rest), body, Convention)),
    onSuccess: (convention) => {
      queryClient.setQueryData(conventionKey(id), convention);
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}

const Named = z.object({ id: z.string(), nameAr: z.string(), nameFr: z.string() });
const NamedPage = z.object({ items: z.array(Named), nextCursor: z.string().nullable() });

/** Associations in the user's scope whose name matches (the registry's list). */
export const useAssociationOptions = (q: string) =>
  useQuery({ queryKey: ['subsidies', 'association-options', q], queryFn: () => api.get(withQuery('/api/associations', { q: q || undefined, limit: 20 }), NamedPage), staleTime: 60_000 });

/** The institutions of one association (the registry's list). */
export const useInstitutionOptions = (associationId: string | null) =>
  useQuery({
    queryKey: ['subsidies', 'institution-options', associationId],
    queryFn: () => api.get(withQuery('/api/institutions', { association: associationId!, limit: 200 }), NamedPage),
    enabled: !!associationId,
    staleTime: 60_000,
  });

/** Closing or cancelling a convention: its tranches may change with it (cancelled), so every subsidies view is refreshed. */
export function useConventionEnd(id: string, ending: 'close' | 'cancel') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post(url(id, `/${ending}`), body, Convention),
    onSuccess: (convention) => {
      queryClient.setQueryData(conventionKey(id), convention);
      void queryClient.invalidateQueries({ queryKey: ['subsidies'] });
    },
  });
}
