/**
 * Test harness: a server on a fresh copy of the migrated database, reached through the real
 * HTTP stack (fastify.inject), with factories for the data a test needs. No mocks.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { hashPassword } from '../../modules/access/index.ts';
import type { Role } from '../../modules/access/permissions.ts';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { withCredentials } from '../db/database.ts';
import { createDatabase, type Database } from '../db/pool.ts';
import { demoTemplate } from './demo-template.ts';

export const TEST_PASSWORD = 'test-password-1';

export interface TestServer {
  app: FastifyInstance;
  config: Config;
  db: Database;
  ownerUrl: string;
  appUrl: string;
  /** Runs SQL as the tables' owner (setup and inspection only, never what the app does). */
  owner<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Start from a copy of the demo data (demo-template.ts; accounts' password DEMO_PASSWORD) rather than the bare migrated database. */
  demo?: boolean;
}

export async function startTestServer(env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const { ownerUrl: templateUrl, appPassword } = inject('database');
  const demo = options.demo ? await demoTemplate() : undefined;
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: templateUrl.replace(/\/raaya$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${demo?.database ?? 'raaya'}`);
  await admin.end();
  const ownerUrl = templateUrl.replace(/\/raaya$/, `/${name}`);
  const appUrl = withCredentials(ownerUrl, 'raaya_app', appPassword);
  // A data directory of its own (the file store lives there), removed with the server.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'raaya-data-'));
  if (demo) await cp(demo.dataDir, dataDir, { recursive: true });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RAAYA_DATA_DIR: dataDir, ...env });
  const db = createDatabase(appUrl, 4);
  const app = await buildApp({ config, db });
  await app.ready();
  const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  return {
    app,
    config,
    db,
    ownerUrl,
    appUrl,
    owner: async (text, values) => (await ownerPool.query(text, values)).rows,
    close: async () => {
      await app.close();
      await db.destroy();
      await ownerPool.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let passwordHash: Promise<string> | undefined;

export interface UserSpec {
  role: Role;
  /** 'nation', a region code ('09'), a delegation code ('09.001'), or an association or institution (registry ids). */
  scope?: string | { association: string } | { institution: string };
  username?: string;
  language?: 'ar' | 'fr';
}

/** Creates an account directly in the database (as the owner) and returns its id and username. */
export async function createUser(server: TestServer, spec: UserSpec): Promise<{ id: string; username: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = spec.username ?? `u${randomUUID().slice(0, 12)}`;
  const scope = spec.scope ?? 'nation';
  if (typeof scope === 'object') {
    const level = 'association' in scope ? 'association' : 'institution';
    const [row] = await server.owner<{ id: string }>(
      `INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, language, role, scope_level, association_id, institution_id)
       VALUES ($1, $2, 'مستخدم تجريبي', 'Utilisateur de test', $3, $4, $5, $6, $7) RETURNING id`,
      [username, await passwordHash, spec.language ?? 'ar', spec.role, level,
        'association' in scope ? scope.association : null, 'institution' in scope ? scope.institution : null],
    );
    return { id: row!.id, username };
  }
  const level = scope === 'nation' ? 'nation' : scope.includes('.') ? 'delegation' : 'region';
  const [row] = await server.owner<{ id: string }>(
    `INSERT INTO access.users (username, password_hash, full_name_ar, full_name_fr, language, role, scope_level, region_id, delegation_id)
     VALUES ($1, $2, 'مستخدم تجريبي', 'Utilisateur de test', $3, $4, $5,
       (SELECT id FROM territory.regions WHERE code = $6), (SELECT id FROM organisation.delegations WHERE code = $7))
     RETURNING id`,
    [username, await passwordHash, spec.language ?? 'ar', spec.role, level, level === 'region' ? scope : null, level === 'delegation' ? scope : null],
  );
  return { id: row!.id, username };
}

export interface Session {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function login(server: TestServer, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'raaya_session')!;
  const language = response.cookies.find((c) => c.name === 'raaya_lang')!;
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  const session: Session = {
    cookie: cookie.value,
    csrf,
    request: (options) =>
      server.app.inject({
        ...options,
        cookies: { raaya_session: cookie.value, raaya_lang: language.value },
        headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
      }),
    get: (url) => session.request({ method: 'GET', url }),
    post: (url, payload) => session.request({ method: 'POST', url, ...(payload !== undefined && { payload: payload as object }) }),
    patch: (url, payload) => session.request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => session.request({ method: 'DELETE', url }),
  };
  return session;
}

/** Creates an account with the given role and scope and signs it in. */
export async function signedIn(server: TestServer, spec: UserSpec): Promise<Session & { id: string; username: string }> {
  const user = await createUser(server, spec);
  return { ...(await login(server, user.username)), ...user };
}

export async function idOf(server: TestServer, table: 'territory.regions' | 'organisation.delegations' | 'territory.provinces', code: string): Promise<string> {
  const [row] = await server.owner<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1`, [code]);
  return row!.id;
}
