/**
 * Sends a precompressed non-HTML resource (map, script, sitemap, robots) with the page cache's
 * rules: the best encoding the client accepts, a validator, the given cache lifetime.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../page-cache.ts';

export function sendResource(request: FastifyRequest, reply: FastifyReply, page: Page, contentType: string, cacheControl: string): FastifyReply {
  reply.header('content-type', contentType).header('cache-control', cacheControl).header('vary', 'accept-encoding').header('etag', page.etag);
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.code(page.status);
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
