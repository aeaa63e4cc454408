/**
 * /map.svg: the search's results on a map of Morocco drawn on the server (`?<the search query>`,
 * plus `lang=fr` for French names), or one institution's position (`?institution=<id>`). The page
 * shows it as a lazy image below the list, so it needs no script and never weighs on the first
 * view. Kept compressed per copy of the directory and query, like the pages.
 */
import type { Language } from '../../../../platform/contract/common.ts';
import type { Api } from '../../../../server/module.ts';
import { compressPage, PageCache, PUBLIC_CACHE, sendPage } from '../page-cache.ts';
import type { Site } from '../site.tsx';
import type { Snapshot } from '../snapshot.ts';
import { paramsOf, parseQuery, queryString, type SearchQuery } from '../search/query.ts';
import { findAll } from '../search/search.ts';
import { publicText } from '../text.ts';
import { mapSvg, type MapPoint } from './svg.ts';
import { viewOf, type View } from './shapes.ts';
import { MAP_SIZE, POINT_MAP_SIZE } from './urls.ts';

const SVG = 'image/svg+xml; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function searchView(snapshot: Snapshot, query: SearchQuery): View {
  const provinceId = query.province?.id ?? (query.commune ? query.commune.provinceId : null);
  const provinces = provinceId
    ? snapshot.provinces.filter((p) => p.id === provinceId)
    : query.region
      ? snapshot.provinces.filter((p) => p.regionId === query.region!.id)
      : [];
  const codes = provinces.flatMap((p) => (p.isoCode ? [p.isoCode] : []));
  return codes.length > 0 ? viewOf('provinces', codes, MAP_SIZE) : viewOf('country', [], MAP_SIZE);
}

const pointsOf = (lang: Language, listings: { nameAr: string; nameFr: string; latitude: number | null; longitude: number | null }[]): MapPoint[] =>
  listings.flatMap((l) => (l.latitude === null || l.longitude === null ? [] : [{ name: lang === 'ar' ? l.nameAr : l.nameFr, lat: l.latitude, lon: l.longitude }]));

export function mapRoutes(api: Api, site: Site): void {
  const maps = new PageCache(500);

  api.get('/map.svg', { schema: { hide: true } }, async (request, reply) => {
    const snapshot = await site.source.current();
    const params = paramsOf(request.url);
    const lang: Language = params.get('lang') === 'fr' ? 'fr' : 'ar';
    const t = publicText(lang);
    const institution = params.get('institution');
    if (institution !== null) {
      const listing = UUID.test(institution) ? snapshot.byId.get(institution) : undefined;
      if (!listing) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found');
      const page = maps.get(snapshot.version, `institution|${lang}|${listing.id}`, () => {
        const province = snapshot.provinces.find((p) => p.id === listing.provinceId);
        const view = viewOf('provinces', province?.isoCode ? [province.isoCode] : [], POINT_MAP_SIZE);
        return compressPage(mapSvg(view, POINT_MAP_SIZE, t('map.title'), pointsOf(lang, [listing]), 7), 200, 'light');
      });
      return sendPage(request, reply, page, PUBLIC_CACHE, SVG);
    }
    // Wrong parameters are dropped here as on the page, so the image always matches the list.
    const { query } = parseQuery(params, snapshot);
    const page = maps.get(snapshot.version, `search|${lang}|${queryString({ ...query, page: 1 })}`, () =>
      compressPage(mapSvg(searchView(snapshot, query), MAP_SIZE, t('map.title'), pointsOf(lang, findAll(snapshot, query, lang).map((h) => h.listing))), 200, 'light'),
    );
    return sendPage(request, reply, page, PUBLIC_CACHE, SVG);
  });
}
