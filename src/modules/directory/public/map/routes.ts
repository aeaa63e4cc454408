/**
 * /map.svg: the search's results on a map of Morocco drawn on the server (`?<the search query>`,
 * plus `lang=fr` for French names), or one institution's position (`?institution=<id>`). The page
 * shows it as a lazy image below the list, so it needs no script and never weighs on the first
 * view. Kept compressed per copy of the directory and query, like the pages.
 */
import { sql } from 'kysely';
import type { Language } from '../../../../platform/contract/common.ts';
import { anonymous } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { PageCache, PUBLIC_CACHE } from '../page-cache.ts';
import type { Site } from '../site.tsx';
import type { Snapshot } from '../snapshot.ts';
import { paramsOf, parseQuery, queryString, type SearchQuery } from '../search/query.ts';
import { findAll } from '../search/search.ts';
import { compressLight, sendResource } from '../search/send.ts';
import { publicText } from '../text.ts';
import { mapSvg, type MapPoint } from './svg.ts';
import { viewOf, type View } from './shapes.ts';
import { MAP_SIZE, POINT_MAP_SIZE } from './urls.ts';

const SVG = 'image/svg+xml; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** ISO 3166-2 codes (the boundaries' ids) of the regions and provinces, by their HCP code. */
type IsoCodes = ReadonlyMap<string, string>;

function searchView(iso: IsoCodes, snapshot: Snapshot, query: SearchQuery): View {
  const provinceId = query.province?.id ?? (query.commune ? query.commune.provinceId : null);
  const provinces = provinceId
    ? snapshot.provinces.filter((p) => p.id === provinceId)
    : query.region
      ? snapshot.provinces.filter((p) => p.regionId === query.region!.id)
      : [];
  const codes = provinces.map((p) => iso.get(p.code)).filter((c): c is string => c !== undefined);
  return codes.length > 0 ? viewOf('provinces', codes, MAP_SIZE) : viewOf('country', [], MAP_SIZE);
}

const pointsOf = (lang: Language, listings: { nameAr: string; nameFr: string; latitude: number | null; longitude: number | null }[]): MapPoint[] =>
  listings.flatMap((l) => (l.latitude === null || l.longitude === null ? [] : [{ name: lang === 'ar' ? l.nameAr : l.nameFr, lat: l.latitude, lon: l.longitude }]));

export function mapRoutes(api: Api, site: Site): void {
  const maps = new PageCache(500);
  let isoCodes: Promise<IsoCodes> | null = null;
  const iso = (): Promise<IsoCodes> => {
    isoCodes ??= anonymous(site.ctx, async (tx) => {
      const rows = (await sql<{ code: string; iso: string | null }>`
        SELECT code, iso_code AS iso FROM territory.regions UNION ALL SELECT code, iso_code FROM territory.provinces`.execute(tx)).rows;
      return new Map(rows.flatMap((r) => (r.iso ? [[r.code, r.iso] as [string, string]] : [])));
    });
    isoCodes.catch(() => (isoCodes = null));
    return isoCodes;
  };

  api.get('/map.svg', { schema: { hide: true } }, async (request, reply) => {
    const snapshot = await site.source.current();
    const codes = await iso();
    const params = paramsOf(request.url);
    const lang: Language = params.get('lang') === 'fr' ? 'fr' : 'ar';
    const t = publicText(lang);
    const institution = params.get('institution');
    if (institution !== null) {
      const listing = UUID.test(institution) ? snapshot.byId.get(institution) : undefined;
      if (!listing) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('Not found');
      const page = maps.get(snapshot.version, `institution|${lang}|${listing.id}`, () => {
        const province = snapshot.provinces.find((p) => p.id === listing.provinceId);
        const view = viewOf('provinces', province && codes.get(province.code) ? [codes.get(province.code)!] : [], POINT_MAP_SIZE);
        return compressLight(mapSvg(view, POINT_MAP_SIZE, t('map.title'), pointsOf(lang, [listing]), 7));
      });
      return sendResource(request, reply, page, SVG, PUBLIC_CACHE);
    }
    // Wrong parameters are dropped here as on the page, so the image always matches the list.
    const { query } = parseQuery(params, snapshot);
    const page = maps.get(snapshot.version, `search|${lang}|${queryString({ ...query, page: 1 })}`, () =>
      compressLight(mapSvg(searchView(codes, snapshot, query), MAP_SIZE, t('map.title'), pointsOf(lang, findAll(snapshot, query, lang).map((h) => h.listing)))),
    );
    return sendResource(request, reply, page, SVG, PUBLIC_CACHE);
  });
}
