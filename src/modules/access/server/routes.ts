/** HTTP routes of the access module: parse (schemas), call the service, answer. */
import { z } from 'zod';
import { anonymous, LANGUAGE_COOKIE, scoped, SESSION_COOKIE, sessionOnly, type ServerContext } from '../../../server/context.ts';
import type { Api } from '../../../server/module.ts';
import { Ok, Uuid } from '../../../platform/contract/common.ts';
import {
  ChangePasswordBody,
  CreateUserBody,
  LoginBody,
  Me,
  ResetPasswordBody,
  UpdateMeBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '../contract.ts';
import { changeOwnPassword, login, loginFailure, logout, setLanguage, toMe } from './auth-service.ts';
import { findUser, listUsers } from './users-queries.ts';
import { createUser, deleteUser, resetPassword, updateUser } from './users-service.ts';
import { notFound } from '../../../server/errors.ts';

const IdParams = z.strictObject({ id: Uuid });
const tags = ['access'];

export function accessRoutes(api: Api, ctx: ServerContext): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionMaxHours * 3600,
  };

  api.post('/api/auth/login', {
    schema: { tags, body: LoginBody, response: { 200: Me } },
    config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (req) => `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '')}` } },
  }, async (request, reply) => {
    const outcome = await anonymous(ctx, (tx, client) => login(tx, client, ctx.config, request.body, request.ip, request.headers['user-agent'] ?? ''));
    if (!outcome.ok) throw loginFailure(outcome);
    request.lang = outcome.me.language;
    reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions);
    reply.setCookie(LANGUAGE_COOKIE, outcome.me.language, { ...cookieOptions, httpOnly: false });
    return outcome.me;
  });

  api.post('/api/auth/logout', { schema: { tags, response: { 200: Ok } } }, async (request, reply) => {
    const token = request.sessionToken;
    if (token) await anonymous(ctx, (tx) => logout(tx, token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  api.get('/api/me', { schema: { tags, response: { 200: Me } } }, async (request) => toMe(await sessionOnly(ctx, request), request.sessionToken!));

  api.patch('/api/me', { schema: { tags, body: UpdateMeBody, response: { 200: Me } } }, async (request, reply) => {
    const me = await scoped(ctx, request, null, async (tx, user) => toMe(await setLanguage(tx, user, request.body.language), request.sessionToken!));
    request.lang = me.language;
    reply.setCookie(LANGUAGE_COOKIE, me.language, { ...cookieOptions, httpOnly: false });
    return me;
  });

  api.post('/api/me/password', { schema: { tags, body: ChangePasswordBody, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, null, async (tx, user) => {
      await changeOwnPassword(tx, user, request.sessionToken!, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    }),
  );

  api.get('/api/users', { schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } }, (request) =>
    scoped(ctx, request, 'users.read', (tx) => listUsers(tx, request.query)),
  );

  api.post('/api/users', { schema: { tags, body: CreateUserBody, response: { 201: User } } }, async (request, reply) => {
    const user = await scoped(ctx, request, 'users.manage', (tx, admin) => createUser(tx, admin, request.body));
    return reply.code(201).send(user);
  });

  api.get('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: User } } }, (request) =>
    scoped(ctx, request, 'users.read', async (tx) => (await findUser(tx, request.params.id)) ?? Promise.reject(notFound())),
  );

  api.patch('/api/users/:id', { schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User } } }, (request) =>
    scoped(ctx, request, 'users.manage', (tx, admin) => updateUser(tx, admin, request.params.id, request.body)),
  );

  api.delete('/api/users/:id', { schema: { tags, params: IdParams, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'users.manage', async (tx, admin) => {
      await deleteUser(tx, admin, request.params.id);
      return { ok: true as const };
    }),
  );

  api.post('/api/users/:id/password', { schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 200: Ok } } }, (request) =>
    scoped(ctx, request, 'users.manage', async (tx, admin) => {
      await resetPassword(tx, admin, request.params.id, request.body.newPassword);
      return { ok: true as const };
    }),
  );
}
