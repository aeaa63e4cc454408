/** HTTP routes of the notifications: every signed-in user, their own notifications only. */
import { z } from 'zod';
import { scoped, type ServerContext } from '../../../server/context.ts';
import { notFound } from '../../../server/errors.ts';
import type { Api } from '../../../server/module.ts';
import { Uuid } from '../../contract/common.ts';
import { MarkedRead, NotificationPage, NotificationQuery, UnreadCount } from '../contract.ts';
import { countUnread, exists, listMyNotifications, markRead } from './queries.ts';

const tags = ['notifications'];

export function notificationRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/notifications', { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationPage } } }, (request) =>
    scoped(ctx, request, null, (tx, user) => listMyNotifications(tx, user.id, request.query)),
  );

  api.get('/api/notifications/unread-count', { schema: { tags, response: { 200: UnreadCount } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => ({ count: await countUnread(tx, user.id) })),
  );

  api.post('/api/notifications/:id/read', { schema: { tags, params: z.strictObject({ id: Uuid }), response: { 200: MarkedRead } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => {
      if (!(await exists(tx, request.params.id))) throw notFound();
      return { updated: await markRead(tx, user.id, request.params.id) };
    }),
  );

  api.post('/api/notifications/read-all', { schema: { tags, response: { 200: MarkedRead } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => ({ updated: await markRead(tx, user.id) })),
  );
}
