/**
 * Builds the HTTP server: external plugins, then platform hooks (language, session cookie, CSRF,
 * errors), then the modules' routes, then the web app and the API reference.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessModule } from '../modules/access/index.ts';
import { territoryModule } from '../modules/territory/index.ts';
import { auditModule } from '../platform/audit/index.ts';
import { jobsModule } from '../platform/jobs/index.ts';
import { notificationsModule } from '../platform/notifications/index.ts';
import { documentsModule } from '../platform/documents/index.ts';
import { approvalsModule } from '../platform/approvals/index.ts';
import { planningModule } from '../modules/planning/index.ts';
import { financeModule } from '../modules/finance/index.ts';
import { subsidiesModule } from '../modules/subsidies/index.ts';
import { registryModule } from '../modules/registry/index.ts';
import { beneficiariesModule } from '../modules/beneficiaries/index.ts';
import { directoryModule, sendPublicNotFound } from '../modules/directory/index.ts';
import { deadlinesModule } from '../platform/deadlines/index.ts';
import { formsModule } from '../platform/forms/index.ts';
import { csrfTokenFor, LANGUAGE_COOKIE, SESSION_COOKIE, type ServerContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { pickLanguage, registerMessages } from './i18n/messages.ts';
import type { ServerModule } from './module.ts';
import { errorHandler, sendProblem } from './problem.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(repoRoot, 'dist/web');

/** Platform modules first, then domain modules; the order of their routes does not matter. */
const modules: ServerModule[] = [auditModule, accessModule, territoryModule, notificationsModule, documentsModule, approvalsModule, planningModule, deadlinesModule, formsModule, jobsModule, registryModule, beneficiariesModule, directoryModule, financeModule, subsidiesModule];
for (const m of modules) if (m.messages) registerMessages(m.messages);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that need no session (and so no CSRF token): signing in. */
const NO_CSRF = new Set(['/api/auth/login']);

export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.env === 'production',
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Component libraries set style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: ctx.config.env === 'production' ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.env === 'production',
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Raaya API', version: '0.1.0', description: 'Information system of the social welfare institutions and Entraide Nationale.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('lang', 'ar');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    request.lang = pickLanguage(request.cookies[LANGUAGE_COOKIE] ?? request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    request.sessionToken = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
    // Cookie-authenticated writes must prove they come from our own pages.
    // The public site's forms (outside /api) never act on the session, so they need no token.
    if (request.sessionToken && !SAFE_METHODS.has(request.method) && request.url.startsWith('/api/') && !NO_CSRF.has(request.routeOptions.url ?? '')) {
      if (request.headers['x-csrf-token'] !== csrfTokenFor(request.sessionToken)) {
        return sendProblem(reply, new AppError(403, 'errors.csrf'), request.lang);
      }
    }
  });

  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  await app.register(
    async (api) => {
      for (const m of modules) m.routes(api.withTypeProvider<ZodTypeProvider>(), ctx);
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  if (existsSync(webDir)) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/app/',
      index: ['index.html'],
      wildcard: true,
      cacheControl: false,
      // Built assets carry a content hash in their name; the page itself must always be fresh.
      setHeaders: (reply, file) =>
        reply.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The single-page app answers its own routes; the API answers 404 as a problem.
    if (request.method === 'GET' && request.url.startsWith('/app') && existsSync(path.join(webDir, 'index.html'))) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    // Addresses outside the API and the app belong to the public site, which answers in HTML.
    if (request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/app')) return sendPublicNotFound(request, reply);
    return sendProblem(reply, notFound(), request.lang);
  });
  return app;
}
