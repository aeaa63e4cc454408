/** API contract of the in-app notifications. */
import { z } from 'zod';
import { PageQuery, Uuid, pageOf } from '../contract/common.ts';

export const Notification = z.object({
  id: Uuid,
  kind: z.string(),
  /** A key of the web catalogs, 'namespace:key', rendered with `params` in the reader's language. */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** A path of the staff app below /app ('/territory/delegations/…'), or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;
export const NotificationPage = pageOf(Notification);

export const UnreadCount = z.object({ count: z.number().int() });
export const MarkedRead = z.object({ updated: z.number().int() });
