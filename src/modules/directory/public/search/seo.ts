/**
 * For search engines: /robots.txt (the public site open, the staff app and the API closed, the
 * sitemap named) and /sitemap.xml (the search page and every published institution, in both
 * languages, with their last change and each page's other-language twin).
 */
import type { Snapshot } from '../snapshot.ts';
import { publicPaths } from '../paths.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /app/', 'Disallow: /api/', `Sitemap: ${origin}${publicPaths.sitemap}`, ''].join('\n');
}

export function sitemapXml(origin: string, snapshot: Snapshot): string {
  const entry = (ar: string, fr: string, lastmod: string | null) =>
    [ar, fr]
      .map((path) => {
        const loc = escapeXml(origin + path);
        const alternates = [['ar', ar], ['fr', fr]].map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(origin + href!)}"/>`).join('');
        return `<url><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>`;
      })
      .join('\n');
  const newest = snapshot.listings.reduce<Date | null>((max, l) => (!max || l.updatedAt > max ? l.updatedAt : max), null);
  const urls = [
    entry(publicPaths.home('ar'), publicPaths.home('fr'), newest ? newest.toISOString() : null),
    ...snapshot.listings.map((l) => entry(publicPaths.institution('ar', l.id), publicPaths.institution('fr', l.id), l.updatedAt.toISOString())),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The site's own address as the visitor reached it (sitemaps need absolute addresses). */
export function originOf(protocol: string, host: string): string | null {
  // Only a plain host name and port: the Host header is the visitor's to write.
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? `${protocol === 'https' ? 'https' : 'http'}://${host.toLowerCase()}` : null;
}
