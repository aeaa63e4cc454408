/**
 * Rendered public pages, kept compressed (gzip and brotli) per copy of the directory, so that a
 * search asked a thousand times a second is rendered and compressed once (decision 0023). Entries of
 * an older copy are dropped when the copy changes; the cache is bounded (least recently used out).
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Page {
  html: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  status: number;
}

/**
 * Brotli quality 9 over a 64 KiB window (lgwin 16). With brotli's default 4 MiB window, quality 9
 * spends about 10 ms of CPU on a page of 5 to 80 KB (setting up tables sized for the window), ten
 * times the cost of the compression itself; a window of 64 KiB holds a whole search page and gives the
 * same size within 1 % (measured for the directory benchmark, docs/benchmarks.md), so a page seen
 * for the first time costs about 1 ms to compress instead of 10.
 */
const BROTLI = (size: number) => ({ [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 16, [constants.BROTLI_PARAM_SIZE_HINT]: size });
/**
 * For the larger resources (maps of tens of KB, a national sitemap of megabytes): brotli quality 5
 * is about ten times faster than 9 there for under 1% more bytes, so a miss never holds the loop long.
 */
const BROTLI_LIGHT = (size: number) => ({ [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: size });

export function compressPage(text: string, status = 200, effort: 'page' | 'light' = 'page'): Page {
  const body = Buffer.from(text, 'utf8');
  return {
    html: body,
    gzip: gzipSync(body, { level: effort === 'page' ? 9 : 6 }),
    br: brotliCompressSync(body, { params: (effort === 'page' ? BROTLI : BROTLI_LIGHT)(body.length) }),
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    status,
  };
}

export class PageCache {
  private version = '';
  private readonly entries = new Map<string, Page>();
  constructor(private readonly max = 5000) {}

  /** The page for key in this copy of the directory, rendered once. */
  get(version: string, key: string, render: () => string | Page): Page {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last, so the oldest is first to go.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const rendered = render();
    const page = typeof rendered === 'string' ? compressPage(rendered) : rendered;
    this.entries.set(key, page);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return page;
  }
}

/** Public pages may be kept 30 s by browsers and proxies: with the 10 s refresh, an edit shows within a minute. */
export const PUBLIC_CACHE = 'public, max-age=30, stale-while-revalidate=30';
/** Answers to a visitor's own request (a request number, a status) are never kept. */
export const PRIVATE_CACHE = 'no-store';

/** Sends a page or another public resource (map, script, sitemap) in the best encoding the client accepts. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page, cacheControl = PUBLIC_CACHE, contentType = 'text/html; charset=utf-8'): FastifyReply {
  reply.header('content-type', contentType).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (cacheControl !== PRIVATE_CACHE) {
    reply.header('etag', page.etag);
    if (request.headers['if-none-match'] === page.etag && page.status === 200) return reply.code(304).send();
  }
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply.code(page.status);
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
