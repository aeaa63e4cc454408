/** Signing in and out, the current user, and changing one's own password. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Config } from '../../../server/config.ts';
import { beginRequest, csrfTokenFor, hashToken, type CurrentUser, type Tx } from '../../../server/context.ts';
import { invalidFields } from '../../../server/errors.ts';
import type { LoginBody, Me } from '../contract.ts';
import { AccessError, accessError, FieldErrorKey } from '../errors.ts';
import { grantableRoles, rolePermissions } from '../permissions.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export function toMe(user: CurrentUser, sessionToken: string): Me {
  return {
    ...user,
    permissions: [...rolePermissions[user.role]],
    grantableRoles: grantableRoles(user.role),
    csrfToken: csrfTokenFor(sessionToken),
  };
}

interface LoginLookup {
  user_id: string;
  password_hash: string;
  status: string;
  locked_until: Date | null;
}

export type LoginOutcome =
  | { ok: true; token: string; me: Me }
  | { ok: false; locked: boolean; retryAfterSeconds: number };

/**
 * Checks the password and opens a session. A failure is returned, not thrown, so that the
 * transaction commits the failed-attempt counter (and the lockout) before the 401 or 429.
 */
export async function login(tx: Tx, client: pg.ClientBase, config: Config, body: LoginBody, ip: string, userAgent: string): Promise<LoginOutcome> {
  const { rows } = await sql<LoginLookup>`SELECT * FROM access.login_lookup(${body.username})`.execute(tx);
  const account = rows[0];
  if (account?.locked_until && account.locked_until > new Date()) {
    return { ok: false, locked: true, retryAfterSeconds: Math.ceil((account.locked_until.getTime() - Date.now()) / 1000) };
  }
  const valid = await verifyPassword(account?.password_hash ?? null, body.password);
  if (!account || !valid || account.status !== 'active') {
    if (account && account.status === 'active') {
      await sql`SELECT access.record_login_failure(${account.user_id}, ${config.loginMaxFailures}, make_interval(mins => ${config.loginLockMinutes}), ${ip})`.execute(tx);
      const now = await sql<{ locked: boolean }>`SELECT (locked_until > now()) IS TRUE AS locked FROM access.login_lookup(${body.username})`.execute(tx);
      if (now.rows[0]?.locked) return { ok: false, locked: true, retryAfterSeconds: config.loginLockMinutes * 60 };
    }
    return { ok: false, locked: false, retryAfterSeconds: 0 };
  }
  const token = randomBytes(32).toString('base64url');
  await sql`SELECT access.open_session(${account.user_id}, ${hashToken(token)}, make_interval(hours => ${config.sessionMaxHours}), ${ip}, ${userAgent})`.execute(tx);
  const user = await beginRequest(client, token, config.sessionIdleMinutes);
  if (!user) throw accessError(401, AccessError.invalidCredentials);
  return { ok: true, token, me: toMe(user, token) };
}

export function loginFailure(outcome: { locked: boolean; retryAfterSeconds: number }) {
  if (outcome.locked) {
    return accessError(429, AccessError.accountLocked, [], { 'retry-after': String(outcome.retryAfterSeconds) });
  }
  return accessError(401, AccessError.invalidCredentials);
}

export async function logout(tx: Tx, token: string): Promise<void> {
  await sql`SELECT access.close_session(${hashToken(token)}, false)`.execute(tx);
}

export async function setLanguage(tx: Tx, user: CurrentUser, language: Me['language']): Promise<CurrentUser> {
  await tx.updateTable('access.users').set({ language }).where('id', '=', user.id).execute();
  return { ...user, language };
}

/** Changes the caller's password after checking the current one; other sessions are closed. */
export async function changeOwnPassword(tx: Tx, user: CurrentUser, token: string, current: string, next: string): Promise<void> {
  const { rows } = await sql<{ hash: string | null }>`SELECT access.current_password_hash() AS hash`.execute(tx);
  if (!(await verifyPassword(rows[0]?.hash ?? null, current))) throw accessError(400, AccessError.wrongPassword, [{ path: 'currentPassword', key: 'access.errors.wrong_password.title' }]);
  if (current === next) throw invalidFields({ path: 'newPassword', key: FieldErrorKey.samePassword });
  await tx.updateTable('access.users').set({ password_hash: await hashPassword(next), password_changed_at: new Date() }).where('id', '=', user.id).execute();
  await sql`SELECT access.close_session(${hashToken(token)}, true)`.execute(tx);
}
