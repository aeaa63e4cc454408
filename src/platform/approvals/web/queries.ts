/** The approval workflow's data for the pages: the inbox, its count, and the actions. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../web/index.ts';
import { InboxCount, InboxPage, Submission, type ActionInput } from '../contract.ts';

export const useInboxCount = (): number | undefined =>
  useQuery({ queryKey: ['approvals', 'inbox', 'count'], queryFn: () => api.get('/api/approvals/inbox/count', InboxCount), refetchInterval: 60_000 }).data?.count;

export const useInbox = (filters: { type?: string }, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['approvals', 'inbox', 'list', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/approvals/inbox', { ...filters, after: pageParam, limit }), InboxPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Acts on a submission; the inbox and the subject's own queries (by key prefix) are refreshed. */
export function useApprovalAction(submissionId: string, subjectKey: readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionInput) => api.post(`/api/approvals/submissions/${submissionId}/actions`, body, Submission),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      void queryClient.invalidateQueries({ queryKey: subjectKey });
    },
  });
}
