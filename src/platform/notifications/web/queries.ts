import { useQuery } from '@tanstack/react-query';
import { api } from '../../web/api.ts';
import { UnreadCount } from '../contract.ts';
import { UNREAD_POLL_MS, unreadKey } from './constants.ts';

export const useUnreadCount = () =>
  useQuery({ queryKey: unreadKey, queryFn: () => api.get('/api/notifications/unread-count', UnreadCount), refetchInterval: UNREAD_POLL_MS, staleTime: 10_000 });
