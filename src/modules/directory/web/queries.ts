/** The directory's staff data for the pages (TanStack Query keys and fetchers). */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../platform/web/index.ts';
import { Publication, PublicationPage, publicationHistoryType, type AvailabilityBody, type PublicationBody } from '../contract.ts';

export type ListFilters = Record<string, string | undefined>;

const listKey = ['directory', 'publications'] as const;
export const publicationKey = (id: string) => ['directory', 'publication', id] as const;
const base = (id: string) => `/api/institutions/${encodeURIComponent(id)}`;

export const usePublications = (filters: ListFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...listKey, filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/directory/publications', { ...filters, after: pageParam, limit }), PublicationPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const exportUrl = (filters: ListFilters, lang: string) => withQuery('/api/directory/publications/export.xlsx', { ...filters, lang });

export const usePublication = (id: string) => useQuery({ queryKey: publicationKey(id), queryFn: () => api.get(`${base(id)}/publication`, Publication) });

/** Every write answers the whole settings: the page takes them, the list and the history reload. */
function usePublicationWrite<B>(send: (id: string, body: B) => Promise<Publication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => send(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(publicationKey(saved.institutionId), saved);
      void queryClient.invalidateQueries({ queryKey: listKey });
      void queryClient.invalidateQueries({ queryKey: ['history', publicationHistoryType, saved.institutionId] });
    },
  });
}

export const useSavePublication = () => usePublicationWrite((id, body: PublicationBody) => api.put(`${base(id)}/publication`, body, Publication));
export const useSaveAvailability = () => usePublicationWrite((id, body: AvailabilityBody) => api.put(`${base(id)}/availability`, body, Publication));
