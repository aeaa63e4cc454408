/**
 * Creating notifications. Other modules call notify() inside their own transaction, so a
 * notification exists exactly when the change that caused it commits.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';
import { rolePermissions, roles, type Permission, type Role } from '../../../modules/access/permissions.ts';

export interface NewNotification {
  userIds: readonly string[];
  kind: string;
  messageKey: string;
  params?: Record<string, string | number>;
  link?: string | null;
  dedupeKey?: string | null;
}

/** One INSERT for every recipient (notifications.send); a notification already sent under the same dedupe key is skipped. */
export async function notify(tx: Tx, notification: NewNotification): Promise<void> {
  const userIds = [...new Set(notification.userIds)];
  if (userIds.length === 0) return;
  await sql`SELECT notifications.send(${userIds}::uuid[], ${notification.kind}, ${notification.messageKey},
    ${JSON.stringify(notification.params ?? {})}::jsonb, ${notification.link ?? null}, ${notification.dedupeKey ?? null})`.execute(tx);
}

/** The scope keys of a record, as every scoped table carries them. */
export interface ScopeKeys {
  regionId?: string | null;
  delegationId?: string | null;
  associationId?: string | null;
  institutionId?: string | null;
}

/** Who to notify: roles given directly, or every role holding one of the permissions. */
export type Audience = { roles: readonly Role[] } | { permissions: readonly Permission[] };

export const rolesOf = (audience: Audience): Role[] =>
  'roles' in audience ? [...audience.roles] : roles.filter((r) => audience.permissions.some((p) => rolePermissions[r].includes(p)));

/**
 * The active users whose scope covers a record with these keys (the nation, its region,
 * delegation, association or institution) and whose role fits the audience. Works across scopes:
 * the recipients are usually not visible to the user whose action notifies them.
 */
export async function usersCovering(tx: Tx, keys: ScopeKeys, audience: Audience): Promise<string[]> {
  const wanted = rolesOf(audience);
  if (wanted.length === 0) return [];
  const { rows } = await sql<{ user_id: string }>`
    SELECT user_id FROM notifications.users_covering(${keys.regionId ?? null}::uuid, ${keys.delegationId ?? null}::uuid,
      ${keys.associationId ?? null}::uuid, ${keys.institutionId ?? null}::uuid, ${wanted}::text[])`.execute(tx);
  return rows.map((r) => r.user_id);
}
