/** Stable hooks for browser tests (data-testid), route paths and query keys of these screens. */
export const tid = {
  bell: 'notifications-bell',
  bellCount: 'notifications-bell-count',
  list: 'notifications-list',
  item: 'notification-item',
  markAllRead: 'notifications-mark-all-read',
  filter: 'notifications-filter',
} as const;

export const path = {
  notifications: '/notifications',
} as const;

export const filterValues = { all: 'all', unread: 'unread' } as const;

export const notificationsKey = ['notifications'] as const;
export const unreadKey = ['notifications', 'unread-count'] as const;
/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;
/** Dark enough for white digits (contrast above 4.5:1). */
export const badgeColor = 'red.9';
export const el = { ul: 'ul', li: 'li' } as const;
