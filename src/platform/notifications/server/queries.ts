/** The signed-in user's notifications (row-level security shows only their own). */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import type { Notification, NotificationQuery } from '../contract.ts';

/** Cursor: "<created_at ISO>|<id>", newest first. */
function parseCursor(after: string | undefined): { at: Date; id: string } | undefined {
  if (!after) return undefined;
  const [at, id] = after.split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at: date, id };
}

export async function listMyNotifications(tx: Tx, userId: string, q: NotificationQuery): Promise<{ items: Notification[]; nextCursor: string | null }> {
  let query = tx
    .selectFrom('notifications.notifications')
    .select(['id', 'kind', 'message_key', 'params', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (q.unread === 'true') query = query.where('read_at', 'is', null);
  const cursor = parseCursor(q.after);
  if (cursor) query = query.where(sql<boolean>`(created_at, id) < (${cursor.at}, ${cursor.id}::uuid)`);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      messageKey: r.message_key,
      params: r.params as Notification['params'],
      link: r.link,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit && last ? `${last.created_at.toISOString()}|${last.id}` : null,
  };
}

export async function countUnread(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications.notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notification (or, without id, all of them) read; returns how many changed. */
export async function markRead(tx: Tx, userId: string, id?: string): Promise<number> {
  let query = tx.updateTable('notifications.notifications').set({ read_at: sql`now()` }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function exists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('notifications.notifications').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
