/** What a domain module hands to the server at boot: its routes and its message catalog. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Language } from '../platform/contract/common.ts';
import type { ServerContext } from './context.ts';

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface ServerModule {
  name: string;
  /** Server-side messages (error titles and details), one catalog per language. */
  messages?: Record<Language, Record<string, unknown>>;
  routes(api: Api, ctx: ServerContext): void;
}
