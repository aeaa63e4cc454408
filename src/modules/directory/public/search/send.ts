/**
 * Sends a precompressed non-HTML resource (map, script, sitemap, robots) with the page cache's
 * rules: the best encoding the client accepts, a validator, the given cache lifetime.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page } from '../page-cache.ts';

/**
 * Compression for the larger resources (maps of tens of KB, a national sitemap of megabytes):
 * brotli quality 5 is about ten times faster than 9 here for under 1% more bytes, so a cache
 * miss never holds the event loop for long.
 */
export function compressLight(text: string): Page {
  const body = Buffer.from(text, 'utf8');
  return {
    html: body,
    gzip: gzipSync(body, { level: 6 }),
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    status: 200,
  };
}

export function sendResource(request: FastifyRequest, reply: FastifyReply, page: Page, contentType: string, cacheControl: string): FastifyReply {
  reply.header('content-type', contentType).header('cache-control', cacheControl).header('vary', 'accept-encoding').header('etag', page.etag);
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.code(page.status);
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
