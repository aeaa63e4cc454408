/** What every public page handler needs: the server context, the directory copy and the page cache. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../../platform/contract/common.ts';
import type { ServerContext } from '../../../server/context.ts';
import { PageCache, PRIVATE_CACHE, compressPage, sendPage } from './page-cache.ts';
import { directorySource, type DirectorySource } from './snapshot.ts';
import { renderPage } from './Layout.tsx';
import { NotFoundBody } from './NotFound.tsx';
import { publicText } from './text.ts';

export interface Site {
  ctx: ServerContext;
  source: DirectorySource;
  cache: PageCache;
}

/** `source`: the module's one copy, shared with the staff routes that refresh it after an edit. */
export const createSite = (ctx: ServerContext, source: DirectorySource = directorySource(ctx)): Site => ({ ctx, source, cache: new PageCache() });

/** Both languages of one public page: Arabic at the root, French under /fr. */
export const bothLanguages = (path: string): [Language, string][] => [['ar', path], ['fr', path === '/' ? '/fr/' : `/fr${path}`]];

/** The language of a public address (French under /fr), for pages no route answered. */
export const languageOfUrl = (url: string): Language => (url === '/fr' || url.startsWith('/fr/') || url.startsWith('/fr?') ? 'fr' : 'ar');

export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = languageOfUrl(request.url);
  const html = renderPage({ lang, title: publicText(lang)('notFound.title'), url: request.url, noindex: true }, <NotFoundBody lang={lang} />);
  return sendPage(request, reply, compressPage(html, 404), PRIVATE_CACHE);
}
