/** Persons for the pages: TanStack Query keys, fetchers and mutations. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api, request, withQuery } from '../../../../platform/web/index.ts';
import { Household, HouseholdPage, Person, PersonPage, type HouseholdBody, type RelativeBody } from '../../contract/persons.ts';

export interface PersonFilterValues {
  q?: string;
  sex?: string;
  birthYear?: string;
}

const clean = (f: object) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as Record<string, string>;

export const personsKey = ['beneficiaries', 'persons'] as const;
export const personKey = (id: string) => ['beneficiaries', 'person', id] as const;

export const usePersons = (filters: PersonFilterValues, limit = 50) =>
  useInfiniteQuery({
    queryKey: [...personsKey, clean(filters), limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/persons', { ...clean(filters), after: pageParam, limit }), PersonPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePerson = (id: string) => useQuery({ queryKey: personKey(id), queryFn: () => api.get(`/api/persons/${encodeURIComponent(id)}`, Person) });

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch(`/api/persons/${encodeURIComponent(id)}`, body, Person),
    onSuccess: (saved) => {
      queryClient.setQueryData(personKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: personsKey });
    },
  });
}

export function useRelativeMutation(personId: string) {
  const queryClient = useQueryClient();
  const base = `/api/persons/${encodeURIComponent(personId)}/relatives`;
  return useMutation({
    mutationFn: async (op: { kind: 'add'; body: RelativeBody } | { kind: 'edit'; id: string; body: RelativeBody } | { kind: 'remove'; id: string }) => {
      if (op.kind === 'add') return api.post(base, op.body, Person);
      if (op.kind === 'edit') return api.patch(`${base}/${encodeURIComponent(op.id)}`, op.body, Person);
      await request(`${base}/${encodeURIComponent(op.id)}`, { method: 'DELETE', schema: z.object({ ok: z.literal(true) }) });
      return null;
    },
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(personKey(personId), saved);
      else void queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
}

export const useHouseholds = (q: string) =>
  useQuery({ queryKey: ['beneficiaries', 'households', q], queryFn: () => api.get(withQuery('/api/households', { q: q || undefined, limit: 30 }), HouseholdPage), staleTime: 30_000 });

export const useHousehold = (id: string | null) =>
  useQuery({ queryKey: ['beneficiaries', 'household', id], queryFn: () => api.get(`/api/households/${encodeURIComponent(id!)}`, Household), enabled: Boolean(id) });

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdBody) => api.post('/api/households', body, Household),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['beneficiaries', 'households'] }),
  });
}

/** The server's field errors of a failed request, by field path (messages come translated). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  return Object.fromEntries(error.problem.errors.map((e) => [e.path.split('.').pop() ?? e.path, e.message]));
}
