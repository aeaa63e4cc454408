/** Associations for the pages (TanStack Query keys and fetchers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, request, withQuery } from '../../../../platform/web/index.ts';
import {
  Association,
  AssociationPage,
  BoardMember,
  type BoardMemberBody,
  type CreateAssociationBody,
  type UpdateAssociationBody,
  type UpdateBoardMemberBody,
} from '../../contract/associations.ts';

export interface AssociationFilterValues {
  q?: string;
  region?: string;
  province?: string;
  delegation?: string;
  legalForm?: string;
  status?: string;
  publicUtility?: string;
  boardExpired?: string;
  sort?: string;
}

const clean = (f: AssociationFilterValues) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export const associationsKey = ['registry', 'associations'] as const;
export const associationKey = (id: string) => ['registry', 'association', id] as const;

export const useAssociations = (filters: AssociationFilterValues, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...associationsKey, clean(filters), limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/associations', { ...clean(filters), after: pageParam, limit }), AssociationPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The export link of the filtered list, in the given language. */
export const exportHref = (filters: AssociationFilterValues, lang: string) => withQuery('/api/associations/export.xlsx', { ...clean(filters), lang });

export const useAssociation = (id: string) => useQuery({ queryKey: associationKey(id), queryFn: () => api.get(`/api/associations/${encodeURIComponent(id)}`, Association) });

export function useSaveAssociation(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssociationBody | UpdateAssociationBody) =>
      id ? api.patch(`/api/associations/${encodeURIComponent(id)}`, body, Association) : api.post('/api/associations', body, Association),
    onSuccess: (saved) => {
      queryClient.setQueryData(associationKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: associationsKey });
    },
  });
}

const BoardMembers = z.object({ items: z.array(BoardMember) });

export function useBoardMutation(associationId: string) {
  const queryClient = useQueryClient();
  const base = `/api/associations/${encodeURIComponent(associationId)}/board-members`;
  return useMutation({
    mutationFn: (op: { kind: 'add'; body: BoardMemberBody } | { kind: 'edit'; memberId: string; body: UpdateBoardMemberBody } | { kind: 'remove'; memberId: string }) =>
      op.kind === 'add'
        ? api.post(base, op.body, BoardMembers)
        : op.kind === 'edit'
          ? api.patch(`${base}/${encodeURIComponent(op.memberId)}`, op.body, BoardMembers)
          : request(`${base}/${encodeURIComponent(op.memberId)}`, { method: 'DELETE', schema: BoardMembers }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: associationKey(associationId) }),
  });
}

// Places for the filters and the form: regions, and the provinces of one region.
const Named = z.object({ id: z.string(), nameAr: z.string(), nameFr: z.string() });
const RegionList = z.object({ items: z.array(Named) });
const ProvinceList = z.object({ items: z.array(Named.extend({ regionId: z.string(), delegationId: z.string().nullable() })) });

export const useRegionOptions = (enabled: boolean) =>
  useQuery({ queryKey: ['territory', 'regions', 'options'], queryFn: () => api.get('/api/territory/regions', RegionList), enabled, staleTime: 5 * 60_000 });

export const useProvinceOptions = (regionId: string | null | undefined) =>
  useQuery({
    queryKey: ['territory', 'provinces', 'options', regionId],
    queryFn: () => api.get(withQuery('/api/territory/provinces', { region: regionId ?? undefined }), ProvinceList),
    enabled: Boolean(regionId),
    staleTime: 5 * 60_000,
  });
