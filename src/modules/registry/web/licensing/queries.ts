/** Licensing for the screens (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { DocumentDetail } from '../../../../platform/documents/contract.ts';
import { DuePage, LICENCE_APPLICATION_OWNER, Licensing, type DueQuery } from '../../contract/licensing.ts';
import { dueKey, licensingKey } from './constants.ts';

export const useLicensing = (id: string) =>
  useQuery({ queryKey: licensingKey(id), queryFn: () => api.get(`/api/institutions/${encodeURIComponent(id)}/licensing`, Licensing) });

/** Records a step (or a clock action) and puts the new licensing state in the cache. */
export function useRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'steps' | 'request-document' | 'file-complete'; body: unknown }) =>
      api.post(`/api/institutions/${encodeURIComponent(id)}/licensing/${path}`, body, Licensing),
    onSuccess: (licensing) => {
      queryClient.setQueryData(licensingKey(id), licensing);
      void queryClient.invalidateQueries({ queryKey: dueKey });
    },
  });
}

/** Attaches a document to one item of the application file (ticks it). */
export function useAttach(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, title, file }: { item: string; title: string; file: File }) => {
      const form = new FormData();
      form.append('ownerType', LICENCE_APPLICATION_OWNER);
      form.append('ownerId', applicationId);
      form.append('category', item);
      form.append('title', title);
      form.append('file', file);
      return api.postForm('/api/documents', form, DocumentDetail);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: licensingKey(institutionId) }),
  });
}

export const useDue = (filters: Omit<DueQuery, 'after' | 'limit'>, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...dueKey, filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/licensing/due', { ...filters, after: pageParam, limit }), DuePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
