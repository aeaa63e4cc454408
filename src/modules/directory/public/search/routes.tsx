/**
 * The search page (Arabic at /, French at /fr/), and the language-free resources that go with it:
 * /near-me.js, /sitemap.xml, /robots.txt. Every answer comes from the page cache, keyed by the
 * directory copy's version and the canonical form of the query (decision 0023).
 */
import type { Language } from '../../../../platform/contract/common.ts';
import type { Api } from '../../../../server/module.ts';
import { renderPage } from '../Layout.tsx';
import { compressPage, PageCache, sendPage, PUBLIC_CACHE } from '../page-cache.ts';
import { publicPaths } from '../paths.ts';
import { bothLanguages, type Site } from '../site.tsx';
import type { Snapshot } from '../snapshot.ts';
import { nearMeScript } from './near-me.ts';
import { isEmptyQuery, paramsOf, parseQuery, queryString, type Problem, type SearchQuery } from './query.ts';
import { findAll, pageOf } from './search.ts';
import { SearchBody } from './SearchPage.tsx';
import { originOf, robotsTxt, sitemapXml } from './seo.ts';
import { describeSearch, searchText } from './words.ts';

export function renderSearch(lang: Language, snapshot: Snapshot, query: SearchQuery, parsedProblems: Problem[]): string {
  const all = findAll(snapshot, query, lang);
  const results = pageOf(all, query.page);
  const problems: Problem[] = results.pageOutOfRange ? [...parsedProblems.filter((p) => p !== 'page'), 'page'] : parsedProblems;
  const located = all.filter((h) => h.listing.latitude !== null && h.listing.longitude !== null).length;
  const t = searchText(lang);
  const described = isEmptyQuery(query) ? { title: t('homeTitle'), description: t('homeDescription') } : describeSearch(lang, query, results.total);
  const qs = queryString(query, results.page);
  const home = publicPaths.home(lang);
  return renderPage(
    {
      lang,
      title: described.title,
      description: described.description,
      url: qs ? `${home}?${qs}` : home,
      canonical: qs ? `${home}?${qs}` : home,
      // A search by the visitor's position or with misread parameters is nobody else's page.
      noindex: problems.length > 0 || query.near !== null,
      scripts: [publicPaths.nearMeScript],
    },
    <SearchBody lang={lang} snapshot={snapshot} query={query} problems={problems} results={results} located={located} />,
  );
}

export function searchRoutes(api: Api, site: Site): void {
  const sitemaps = new PageCache(4);
  for (const [lang, path] of bothLanguages('/')) {
    api.get(path, { schema: { hide: true } }, async (request, reply) => {
      const snapshot = await site.source.current();
      const { query, problems } = parseQuery(paramsOf(request.url), snapshot);
      const key = `search|${lang}|${queryString(query, query.page)}|${problems.join(',')}`;
      const page = site.cache.get(snapshot.version, key, () => renderSearch(lang, snapshot, query, problems));
      return sendPage(request, reply, page);
    });
  }

  api.get(publicPaths.nearMeScript, { schema: { hide: true } }, (request, reply) =>
    sendPage(request, reply, nearMeScript, 'public, max-age=86400', 'text/javascript; charset=utf-8'),
  );

  api.get('/robots.txt', { schema: { hide: true } }, (request, reply) => {
    const origin = originOf(request.protocol, request.host) ?? '';
    return sendPage(request, reply, compressPage(robotsTxt(origin)), 'public, max-age=86400', 'text/plain; charset=utf-8');
  });

  api.get(publicPaths.sitemap, { schema: { hide: true } }, async (request, reply) => {
    const snapshot = await site.source.current();
    const origin = originOf(request.protocol, request.host);
    if (!origin) return reply.code(400).header('content-type', 'text/plain; charset=utf-8').send('Bad Host header');
    // Keyed by host, so a forged Host header only ever sees its own answer; and a cache of its
    // own, so forged hosts can push out only sitemaps, never search pages.
    const page = sitemaps.get(snapshot.version, `sitemap|${origin}`, () => compressPage(sitemapXml(origin, snapshot), 200, 'light'));
    return sendPage(request, reply, page, PUBLIC_CACHE, 'application/xml; charset=utf-8');
  });
}
