/** Jobs data for the pages; a job that has not ended is polled until it does. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, postForm, withQuery } from '../../web/index.ts';
import { Job, JobPage, RowErrorPage, Upload, type Mapping, type ReportRequestBody } from '../contract.ts';
import { POLL_MS } from './constants.ts';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
export const isFinished = (job: Job) => FINISHED.has(job.state);

export const useJobs = () =>
  useInfiniteQuery({
    queryKey: ['jobs', 'list'],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/jobs', { after: pageParam, limit: 50 }), JobPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((j) => !isFinished(j))) ? POLL_MS : false),
  });

export const useJob = (id: string | undefined) =>
  useQuery({
    queryKey: ['jobs', 'one', id],
    queryFn: () => api.get(`/api/jobs/${encodeURIComponent(id!)}`, Job),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });

export const useJobErrors = (id: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['jobs', 'errors', id],
    queryFn: ({ pageParam }) => api.get(withQuery(`/api/jobs/${encodeURIComponent(id)}/errors`, { after: pageParam, limit: 100 }), RowErrorPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export function useCancelJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/jobs/${encodeURIComponent(id)}/cancel`, undefined, Job),
    onSuccess: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

export function useRequestReport(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRequestBody) => api.post(`/api/reports/${encodeURIComponent(name)}`, body, Job),
    onSuccess: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}

export const useUpload = (target: string) =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return postForm(`/api/imports/${encodeURIComponent(target)}/uploads`, form, Upload);
    },
  });

export const useRunImport = () =>
  useMutation({
    mutationFn: ({ uploadId, mode, mapping }: { uploadId: string; mode: 'validate' | 'commit'; mapping: Mapping }) =>
      api.post(`/api/imports/uploads/${encodeURIComponent(uploadId)}/${mode}`, { mapping }, Job),
  });

export const PreviewRow = z.record(z.string(), z.unknown());
