/** The register screens' data (TanStack Query keys and fetchers). */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../../platform/web/index.ts';
import {
  Admission,
  InstitutionOccupancy,
  OccupancyBoardPage,
  RegisterPage,
  TransferResult,
  WaitingPage,
  type AdmissionBody,
  type ExitBody,
  type TransferBody,
} from '../../contract/register.ts';

const base = (id: string) => `/api/institutions/${encodeURIComponent(id)}`;
export type RegisterFilters = { year?: number; status?: string; q?: string };

export const useRegister = (institutionId: string, filters: RegisterFilters) =>
  useInfiniteQuery({
    queryKey: ['beneficiaries', 'register', institutionId, filters],
    queryFn: ({ pageParam }) => api.get(withQuery(`${base(institutionId)}/register`, { ...filters, after: pageParam, limit: 50 }), RegisterPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useOccupancy = (institutionId: string) =>
  useQuery({ queryKey: ['beneficiaries', 'occupancy', institutionId], queryFn: () => api.get(`${base(institutionId)}/occupancy`, InstitutionOccupancy) });

export const useWaitingList = (institutionId: string) =>
  useQuery({ queryKey: ['beneficiaries', 'waiting', institutionId], queryFn: () => api.get(withQuery(`${base(institutionId)}/waiting-list`, { limit: 200 }), WaitingPage) });

export type BoardFilters = { legalCategory?: string; centreType?: string };
export const useOccupancyBoard = (filters: BoardFilters) =>
  useInfiniteQuery({
    queryKey: ['beneficiaries', 'occupancy-board', filters],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/occupancy', { ...filters, after: pageParam, limit: 50 }), OccupancyBoardPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const pdfUrl = (institutionId: string, lang: 'ar' | 'fr', year: number) => withQuery(`${base(institutionId)}/register.pdf`, { lang, year });

function useRegisterWrite<B, R>(institutionId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      for (const key of ['register', 'occupancy', 'waiting', 'occupancy-board']) void queryClient.invalidateQueries({ queryKey: ['beneficiaries', key] });
      void queryClient.invalidateQueries({ queryKey: ['beneficiaries', 'register', institutionId] });
    },
  });
}

export const useAdmit = (institutionId: string) =>
  useRegisterWrite(institutionId, (body: AdmissionBody) => api.post(`${base(institutionId)}/admissions`, body, Admission));
export const useExit = (institutionId: string, admissionId: string) =>
  useRegisterWrite(institutionId, (body: ExitBody) => api.post(`/api/admissions/${encodeURIComponent(admissionId)}/exit`, body, Admission));
export const useTransfer = (institutionId: string, admissionId: string) =>
  useRegisterWrite(institutionId, (body: TransferBody) => api.post(`/api/admissions/${encodeURIComponent(admissionId)}/transfer`, body, TransferResult));
