/** The privacy screens' data (TanStack Query keys, fetchers and mutations). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, request, withQuery } from '../../../../platform/web/index.ts';
import {
  AccessLogPage,
  Consent,
  ConsentList,
  Disability,
  HealthRecord,
  ProtectionRecord,
  RetentionDuePage,
  RetentionReview,
  RetentionRuleList,
  type ConsentBody,
  type RetentionRecordType,
  type RetentionReviewBody,
  type SensitiveKind,
  type WithdrawConsentBody,
} from '../../contract/privacy.ts';

const personPath = (personId: string, rest: string) => `/api/persons/${encodeURIComponent(personId)}/${rest}`;

export const consentsKey = (personId: string) => ['beneficiaries', 'privacy', 'consents', personId] as const;
export const useConsents = (personId: string) =>
  useQuery({ queryKey: consentsKey(personId), queryFn: () => api.get(personPath(personId, 'consents'), ConsentList) });

export function useConsentMutation(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'add'; body: ConsentBody } | { kind: 'withdraw'; consentId: string; body: WithdrawConsentBody }) =>
      change.kind === 'add'
        ? api.post(personPath(personId, 'consents'), change.body, Consent)
        : api.post(personPath(personId, `consents/${encodeURIComponent(change.consentId)}/withdraw`), change.body, Consent),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: consentsKey(personId) }),
  });
}

export const sensitiveItem = { health: HealthRecord, disabilities: Disability, protection: ProtectionRecord } as const;
export const sensitiveKey = (personId: string, kind: SensitiveKind) => ['beneficiaries', 'privacy', 'sensitive', personId, kind] as const;

export const useSensitive = <K extends SensitiveKind>(personId: string, kind: K, enabled: boolean) =>
  useQuery({
    queryKey: sensitiveKey(personId, kind),
    queryFn: () => api.get(personPath(personId, kind), z.object({ items: z.array(sensitiveItem[kind]) })),
    enabled,
  });

export function useSensitiveMutation(personId: string, kind: SensitiveKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: { kind: 'add'; body: Record<string, unknown> } | { kind: 'edit'; id: string; body: Record<string, unknown> } | { kind: 'delete'; id: string }): Promise<unknown> => {
      if (change.kind === 'add') return api.post(personPath(personId, kind), change.body, sensitiveItem[kind]);
      if (change.kind === 'edit') return api.patch(personPath(personId, `${kind}/${encodeURIComponent(change.id)}`), change.body, sensitiveItem[kind]);
      return request(personPath(personId, `${kind}/${encodeURIComponent(change.id)}`), { method: 'DELETE', schema: z.object({ ok: z.literal(true) }) });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sensitiveKey(personId, kind) }),
  });
}

export const useAccessLog = (personId: string, action: string | null, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['beneficiaries', 'privacy', 'access-log', personId, action],
    queryFn: ({ pageParam }) => api.get(withQuery(personPath(personId, 'access-log'), { action, after: pageParam, limit: 50 }), AccessLogPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const exportHref = (personId: string, format: 'json' | 'pdf', lang?: string) =>
  format === 'json' ? personPath(personId, 'export.json') : withQuery(personPath(personId, 'export.pdf'), { lang });

export const useRetentionRules = () =>
  useQuery({ queryKey: ['beneficiaries', 'privacy', 'retention-rules'], queryFn: () => api.get('/api/privacy/retention-rules', RetentionRuleList) });

const retentionKey = ['beneficiaries', 'privacy', 'retention-due'] as const;
export const useRetentionDue = (recordType: RetentionRecordType | null) =>
  useInfiniteQuery({
    queryKey: [...retentionKey, recordType],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/privacy/retention-due', { recordType, after: pageParam, limit: 50 }), RetentionDuePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useRetentionReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionReviewBody) => api.post('/api/privacy/retention-reviews', body, RetentionReview),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: retentionKey }),
  });
}
