/** Justifications and audit missions for the pages (TanStack Query keys, fetchers and mutations). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, withQuery } from '../../../../platform/web/index.ts';
import { DocumentPage } from '../../../../platform/documents/contract.ts';
import { documentsKey } from '../../../../platform/documents/web/constants.ts';
import {
  CandidateEntryPage, Justification, JustificationPage, Mission, MissionPage, MissionTargets, TranchesToJustifyPage,
  type AddLineBody, type CreateFindingBody, type CreateMissionBody, type CreateRecommendationBody, type JustificationState,
  type MissionStatus, type ReviewBody, type UpdateMissionBody, type UpdateRecommendationBody,
} from '../../server/audits/contract.ts';

const base = '/api/subsidies/justifications';
const audits = '/api/subsidies/audits';
const justificationKey = (id: string) => ['subsidies', 'justification', id] as const;
const missionKey = (id: string) => ['subsidies', 'mission', id] as const;

const pages = { initialPageParam: undefined as string | undefined, getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined };

export const useTranchesToJustify = (outstanding: boolean) =>
  useInfiniteQuery({
    queryKey: ['subsidies', 'to-justify', outstanding],
    queryFn: ({ pageParam }) => api.get(withQuery(`${base}/tranches`, { outstanding: String(outstanding), after: pageParam, limit: 50 }), TranchesToJustifyPage),
    ...pages,
  });

export const useJustifications = (state: JustificationState | undefined) =>
  useInfiniteQuery({
    queryKey: ['subsidies', 'justifications', state],
    queryFn: ({ pageParam }) => api.get(withQuery(base, { state, after: pageParam, limit: 50 }), JustificationPage),
    ...pages,
  });

export const useJustification = (id: string) => useQuery({ queryKey: justificationKey(id), queryFn: () => api.get(`${base}/${encodeURIComponent(id)}`, Justification) });

export const useCandidateEntries = (id: string, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: [...justificationKey(id), 'entries'],
    queryFn: ({ pageParam }) => api.get(withQuery(`${base}/${encodeURIComponent(id)}/entries`, { after: pageParam, limit: 20 }), CandidateEntryPage),
    enabled,
    ...pages,
  });

/** The statements uploaded to the justification (the documents panel refreshes the same key). */
export const useStatements = (id: string) =>
  useQuery({
    queryKey: [...documentsKey, 'owner', 'subsidy_justification', id, 'choices'],
    queryFn: () => api.get(withQuery('/api/documents', { ownerType: 'subsidy_justification', ownerId: id, limit: 100 }), DocumentPage),
  });

function useJustificationMutation<B>(id: string, send: (body: B) => Promise<Justification>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (j) => {
      queryClient.setQueryData(justificationKey(id), j);
      void queryClient.invalidateQueries({ queryKey: [...justificationKey(id), 'entries'] });
      void queryClient.invalidateQueries({ queryKey: ['subsidies', 'justifications'] });
      void queryClient.invalidateQueries({ queryKey: ['subsidies', 'to-justify'] });
    },
  });
}

export const useAddLine = (id: string) => useJustificationMutation(id, (body: AddLineBody) => api.post(`${base}/${id}/lines`, body, Justification));
export const useRemoveLine = (id: string) =>
  useJustificationMutation(id, (lineId: string) => request(`${base}/${id}/lines/${lineId}`, { method: 'DELETE', schema: Justification }));
export const useSubmitJustification = (id: string) => useJustificationMutation(id, () => api.post(`${base}/${id}/submit`, undefined, Justification));
export const useReview = (id: string) => useJustificationMutation(id, (body: ReviewBody) => api.post(`${base}/${id}/review`, body, Justification));

export function useStartJustification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trancheId: string) => api.post(base, { trancheId }, Justification),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['subsidies', 'to-justify'] }),
  });
}

export const useMissions = (status: MissionStatus | undefined) =>
  useInfiniteQuery({
    queryKey: ['subsidies', 'missions', status],
    queryFn: ({ pageParam }) => api.get(withQuery(audits, { status, after: pageParam, limit: 50 }), MissionPage),
    ...pages,
  });

export const useMission = (id: string) => useQuery({ queryKey: missionKey(id), queryFn: () => api.get(`${audits}/${encodeURIComponent(id)}`, Mission) });

export const useMissionTargets = (q: string, enabled: boolean) =>
  useQuery({ queryKey: ['subsidies', 'mission-targets', q], queryFn: () => api.get(withQuery(`${audits}/targets`, { q: q || undefined }), MissionTargets), enabled });

export function useCreateMission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMissionBody) => api.post(audits, body, Mission),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['subsidies', 'missions'] }),
  });
}

function useMissionMutation<B>(id: string, send: (body: B) => Promise<Mission>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (m) => {
      queryClient.setQueryData(missionKey(id), m);
      void queryClient.invalidateQueries({ queryKey: ['subsidies', 'missions'] });
    },
  });
}

export const useUpdateMission = (id: string) => useMissionMutation(id, (body: UpdateMissionBody) => api.patch(`${audits}/${id}`, body, Mission));
export const useAddFinding = (id: string) => useMissionMutation(id, (body: CreateFindingBody) => api.post(`${audits}/${id}/findings`, body, Mission));
export const useCloseFinding = (id: string) => useMissionMutation(id, (findingId: string) => api.post(`${audits}/findings/${findingId}/close`, undefined, Mission));
export const useAddRecommendation = (id: string) =>
  useMissionMutation(id, ({ findingId, ...body }: CreateRecommendationBody & { findingId: string }) => api.post(`${audits}/findings/${findingId}/recommendations`, body, Mission));
export const useUpdateRecommendation = (id: string) =>
  useMissionMutation(id, ({ recommendationId, ...body }: UpdateRecommendationBody & { recommendationId: string }) => api.patch(`${audits}/recommendations/${recommendationId}`, body, Mission));
