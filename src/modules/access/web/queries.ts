/** User administration data for the pages. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../platform/web/index.ts';
import { User, UserPage, type UserListQuery } from '../contract.ts';

export type UserFilters = Pick<UserListQuery, 'q' | 'role' | 'status'>;

export const useUsers = (filters: UserFilters, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['users', 'list', filters, limit],
    queryFn: ({ pageParam }) => api.get(withQuery('/api/users', { ...filters, after: pageParam, limit }), UserPage),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useUser = (id: string) => useQuery({ queryKey: ['users', 'one', id], queryFn: () => api.get(`/api/users/${encodeURIComponent(id)}`, User) });
