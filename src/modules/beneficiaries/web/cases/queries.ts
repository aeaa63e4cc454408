/** The pathway's data for the pages (TanStack Query keys, fetchers and writes). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, withQuery } from '../../../../platform/web/index.ts';
import { ServiceType } from '../../../registry/contract/enums.ts';
import { InstitutionOccupancy } from '../../contract/register.ts';
import { CaseFile, CasePage, Caseload, DiagnosisFormList, ReferralItem, ReferralPage, type CaseListQuery, type ReferralListQuery } from '../../contract/cases.ts';

export const casesKey = ['beneficiaries', 'cases'] as const;
export const caseKey = (id: string) => ['beneficiaries', 'case', id] as const;
const enc = encodeURIComponent;

export const useCases = (filters: Omit<CaseListQuery, 'after' | 'limit'>, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...casesKey, filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/cases', { ...filters, after: pageParam, limit }), CasePage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useCaseFile = (id: string) => useQuery({ queryKey: caseKey(id), queryFn: () => api.get(`/api/cases/${enc(id)}`, CaseFile) });

export const useCaseload = () => useQuery({ queryKey: ['beneficiaries', 'caseload'], queryFn: () => api.get('/api/caseload', Caseload) });

export const useDiagnosisForms = (caseId: string) =>
  useQuery({ queryKey: ['beneficiaries', 'case', caseId, 'diagnosis-forms'], queryFn: () => api.get(`/api/cases/${enc(caseId)}/diagnosis-forms`, DiagnosisFormList) });

/** A write on the case file that answers the whole file: it replaces the cached one. */
export function useCaseWrite<B>(caseId: string, send: (body: B) => Promise<CaseFile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (file) => {
      queryClient.setQueryData(caseKey(caseId), file);
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: ['beneficiaries', 'caseload'] });
    },
  });
}

export const caseWrites = {
  patch: (caseId: string) => (body: unknown) => api.patch(`/api/cases/${enc(caseId)}`, body, CaseFile),
  diagnose: (caseId: string) => (body: unknown) => api.post(`/api/cases/${enc(caseId)}/diagnoses`, body, CaseFile),
  note: (caseId: string) => (body: unknown) => api.post(`/api/cases/${enc(caseId)}/notes`, body, CaseFile),
  plan: (caseId: string) => (body: unknown) => api.post(`/api/cases/${enc(caseId)}/plans`, body, CaseFile),
  updatePlan: (planId: string) => (body: unknown) => api.patch(`/api/plans/${enc(planId)}`, body, CaseFile),
};

/** A referral or a follow-up answers its own record: the case file is read again. */
export function useCaseSideWrite<B, R>(caseId: string | null, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      if (caseId) void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: ['beneficiaries', 'referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['beneficiaries', 'caseload'] });
    },
  });
}

export const refer = (caseId: string) => (body: unknown) => api.post(`/api/cases/${enc(caseId)}/referrals`, body, ReferralItem);
export const actOnReferral = (id: string, action: string) => (body: unknown) => api.post(`/api/referrals/${enc(id)}/${action}`, body ?? {}, ReferralItem);
export const recordFollowUp = (id: string) => (body: unknown) => api.post(`/api/follow-ups/${enc(id)}`, body, z.object({ id: z.string(), caseId: z.string().nullable() }));

export const useReferrals = (filters: Omit<ReferralListQuery, 'after' | 'limit'>, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['beneficiaries', 'referrals', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/referrals', { ...filters, after: pageParam, limit }), ReferralPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The services an institution offers (its registry record), to refer only to one of them. */
const InstitutionServices = z.object({ services: z.array(z.object({ service: ServiceType })) });
export const useInstitutionServices = (id: string | null) =>
  useQuery({ queryKey: ['registry', 'institution', id, 'services'], queryFn: () => api.get(`/api/institutions/${enc(id!)}`, InstitutionServices), enabled: Boolean(id) });

/** Free places and waiting list of an institution (the register part's counts). */
export const useOccupancy = (id: string | null) =>
  useQuery({ queryKey: ['beneficiaries', 'occupancy', id], queryFn: () => api.get(`/api/institutions/${enc(id!)}/occupancy`, InstitutionOccupancy), enabled: Boolean(id), retry: false });
