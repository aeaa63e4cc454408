/**
 * The request's database context. Every API request runs in one transaction that starts with
 * access.begin_request(): it checks the session and sets the transaction-local settings that the
 * row-level security policies read, so scope is enforced by PostgreSQL for everything that follows.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Language } from '../platform/contract/common.ts';
import type { Permission, Role, ScopeLevel } from '../modules/access/permissions.ts';
import { hasPermission } from '../modules/access/permissions.ts';
import type { Config } from './config.ts';
import { queryBuilderOn, type Database } from './db/pool.ts';
import type { DB } from './db/schema.generated.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** The request's transaction: a query builder pinned to the request's connection, inside BEGIN … COMMIT. */
export type Tx = Kysely<DB>;

export interface CurrentUser {
  id: string;
  username: string;
  fullNameAr: string;
  fullNameFr: string;
  email: string | null;
  phone: string | null;
  language: Language;
  role: Role;
  scope: {
    level: ScopeLevel;
    regionId: string | null;
    delegationId: string | null;
    associationId: string | null;
    institutionId: string | null;
    nameAr: string;
    nameFr: string;
  };
}

export interface ServerContext {
  config: Config;
  db: Database;
}

export const SESSION_COOKIE = 'raaya_session';
/** The user's language, so that errors raised before the session is read are in it too. */
export const LANGUAGE_COOKIE = 'raaya_lang';

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();
/** The CSRF token is derived from the session token: no storage, useless without the cookie. */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    sessionToken: string | null;
    user: CurrentUser | null;
  }
}

export interface BeginRequestRow {
  user_id: string;
  username: string;
  full_name_ar: string;
  full_name_fr: string;
  email: string | null;
  phone: string | null;
  language: Language;
  role: Role;
  scope_level: ScopeLevel;
  region_id: string | null;
  delegation_id: string | null;
  association_id: string | null;
  institution_id: string | null;
  scope_name_ar: string;
  scope_name_fr: string;
}

export function toCurrentUser(r: BeginRequestRow): CurrentUser {
  return {
    id: r.user_id,
    username: r.username,
    fullNameAr: r.full_name_ar,
    fullNameFr: r.full_name_fr,
    email: r.email,
    phone: r.phone,
    language: r.language,
    role: r.role,
    scope: {
      level: r.scope_level,
      regionId: r.region_id,
      delegationId: r.delegation_id,
      associationId: r.association_id,
      institutionId: r.institution_id,
      nameAr: r.scope_name_ar,
      nameFr: r.scope_name_fr,
    },
  };
}

/**
 * The statement that opens a request: BEGIN and, with a session, access.begin_request() in the
 * same round trip (simple protocol). The token hash is hex we computed, never user text.
 */
function prelude(token: string | null, idleMinutes: number): string {
  if (!token) return 'BEGIN';
  const hex = hashToken(token).toString('hex');
  return `BEGIN; SELECT * FROM access.begin_request('\\x${hex}'::bytea, make_interval(mins => ${Math.trunc(idleMinutes)}))`;
}

/**
 * Checks the session and returns the user in a single round trip and statement, for
 * requests that need nothing else from the database, such as GET /api/me on every page load.
 */
export async function sessionOnly(ctx: ServerContext, request: FastifyRequest): Promise<CurrentUser> {
  const token = request.sessionToken;
  if (!token) throw unauthenticated();
  // A single statement is its own transaction: no BEGIN or COMMIT needed around it.
  const { rows } = await ctx.db.pool.query<BeginRequestRow>('SELECT * FROM access.begin_request($1, make_interval(mins => $2))', [hashToken(token), ctx.config.sessionIdleMinutes]);
  const row = rows[0];
  if (!row) throw unauthenticated();
  const user = toCurrentUser(row);
  request.user = user;
  request.lang = user.language;
  return user;
}

/** Resolves a session inside an open transaction (used right after login). */
export async function beginRequest(client: pg.ClientBase, token: string, idleMinutes: number): Promise<CurrentUser | null> {
  const { rows } = await client.query<BeginRequestRow>('SELECT * FROM access.begin_request($1, make_interval(mins => $2))', [hashToken(token), idleMinutes]);
  return rows[0] ? toCurrentUser(rows[0]) : null;
}

/** One request, one connection, one transaction; rolled back on any error. */
export async function inTransaction<T>(
  db: Database,
  token: string | null,
  idleMinutes: number,
  work: (tx: Tx, user: CurrentUser | null, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await db.pool.connect();
  let broken = false;
  try {
    const opened = (await client.query(prelude(token, idleMinutes))) as unknown as pg.QueryResult<BeginRequestRow>[] | pg.QueryResult;
    const row = Array.isArray(opened) ? opened[1]?.rows[0] : undefined;
    const result = await work(queryBuilderOn(client), row ? toCurrentUser(row) : null, client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export type ScopedWork<T> = (tx: Tx, user: CurrentUser) => Promise<T>;

/**
 * Runs `work` as the signed-in user, in one transaction, after checking the permission.
 * A missing permission is 403 (the function is not yours); an out-of-scope record is simply
 * invisible to the queries, which the services turn into 404.
 */
export async function scoped<T>(ctx: ServerContext, request: FastifyRequest, permission: Permission | null, work: ScopedWork<T>): Promise<T> {
  return inTransaction(ctx.db, request.sessionToken, ctx.config.sessionIdleMinutes, async (tx, user) => {
    if (!user) throw unauthenticated();
    request.user = user;
    request.lang = user.language;
    if (permission && !hasPermission(user.role, permission)) throw forbidden();
    return work(tx, user);
  });
}

/** Runs `work` with no signed-in user: policies then show only public rows. */
export function anonymous<T>(ctx: ServerContext, work: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, null, ctx.config.sessionIdleMinutes, (tx, _user, client) => work(tx, client));
}
