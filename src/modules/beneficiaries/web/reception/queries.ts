/** Reception for the pages: the queue, one request and its actions, the intake. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { AssignableUsers, IntakeResult, OpenCaseResult, ReceptionRequest, RequestPage } from '../../contract/reception.ts';

export interface QueueFilters {
  queue: string;
  open?: string;
  status?: string;
  assignedTo?: string;
  urgency?: string;
}

const requestsKey = ['beneficiaries', 'requests'] as const;
const clean = (f: object) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as Record<string, string>;

export const useQueue = (filters: QueueFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...requestsKey, clean(filters), limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/reception/requests', { ...clean(filters), after: pageParam, limit }), RequestPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRequest = (id: string) =>
  useQuery({ queryKey: ['beneficiaries', 'request', id], queryFn: () => api.get(`/api/reception/requests/${encodeURIComponent(id)}`, ReceptionRequest) });

export const useAssignable = (id: string) =>
  useQuery({ queryKey: ['beneficiaries', 'request', id, 'assignable'], queryFn: () => api.get(`/api/reception/requests/${encodeURIComponent(id)}/assignable`, AssignableUsers) });

export function useRequestAction(id: string) {
  const queryClient = useQueryClient();
  const base = `/api/reception/requests/${encodeURIComponent(id)}`;
  return useMutation({
    mutationFn: async (op: { kind: 'assign'; userId: string } | { kind: 'close'; reason: string } | { kind: 'openCase' }) => {
      if (op.kind === 'assign') return api.post(`${base}/assign`, { userId: op.userId }, ReceptionRequest);
      if (op.kind === 'close') return api.post(`${base}/close`, { reason: op.reason }, ReceptionRequest);
      await api.post(`${base}/open-case`, {}, OpenCaseResult);
      return api.get(base, ReceptionRequest);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['beneficiaries', 'request', id], saved);
      void queryClient.invalidateQueries({ queryKey: requestsKey });
    },
  });
}

export function useIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post('/api/reception/intake', body, IntakeResult),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}
