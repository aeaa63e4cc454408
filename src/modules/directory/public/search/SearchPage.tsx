/**
 * The search page: a GET form that works without JavaScript, the results as a list with page
 * links, and the same results on a server-drawn map below the list (a lazy image, so it never
 * weighs on the first view). The only script is the "near me" button's, which stays hidden
 * without JavaScript.
 */
import type { Language } from '../../../../platform/contract/common.ts';
import { publicPaths } from '../paths.ts';
import type { Listing, Snapshot } from '../snapshot.ts';
import { formatNumber } from '../text.ts';
import { MAX_WORDS_LENGTH, queryString, type Problem, type SearchQuery } from './query.ts';
import type { Hit, SearchPage as Results } from './search.ts';
import { MAP_SIZE } from '../map/urls.ts';
import { categoryLabel, countText, label, searchText } from './words.ts';
import { centreTypes, legalCategories, serviceTypes, targetGroups } from './vocabulary.ts';


interface Props {
  lang: Language;
  snapshot: Snapshot;
  query: SearchQuery;
  problems: Problem[];
  results: Results;
  /** Results with a position (drawn on the map). */
  located: number;
}

const nameOf = (lang: Language, p: { nameAr: string; nameFr: string }) => (lang === 'ar' ? p.nameAr : p.nameFr);
const withQuery = (path: string, qs: string) => (qs ? `${path}?${qs}` : path);

/** The map of a search: the same query (without the page), and the language of the points' names. */
export function mapUrl(query: SearchQuery, lang: Language): string {
  const params = new URLSearchParams(queryString(query));
  if (lang === 'fr') params.set('lang', 'fr');
  return withQuery(publicPaths.map, params.toString());
}

export function SearchBody({ lang, snapshot, query, problems, results, located }: Props) {
  const t = searchText(lang);
  const home = publicPaths.home(lang);
  const link = (changes: Partial<SearchQuery>, page = 1) => withQuery(home, queryString({ ...query, ...changes }, page));
  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <SearchForm lang={lang} snapshot={snapshot} query={query} />
      {problems.length > 0 ? <Problems lang={lang} problems={problems} page={results.page} /> : null}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('resultsHeading', { count: countText(lang, results.total) })}</h2>
        {query.near ? (
          <p className="notice">
            {t('nearActive')} <a href={link({ near: null })}>{t('nearRemove')}</a>
          </p>
        ) : null}
        {results.total === 0 ? (
          <NoResult lang={lang} query={query} link={link} />
        ) : (
          <ol className="results" start={(results.page - 1) * 20 + 1}>
            {results.hits.map((hit) => (
              <li key={hit.listing.id}>
                <ResultCard lang={lang} hit={hit} />
              </li>
            ))}
          </ol>
        )}
        {results.pages > 1 ? (
          <nav className="pager" aria-label={t('pager')}>
            {results.page > 1 ? <a href={link({}, results.page - 1)} rel="prev">{t('previous')}</a> : <span />}
            <span>{t('pageOf', { page: formatNumber(lang, results.page), pages: formatNumber(lang, results.pages) })}</span>
            {results.page < results.pages ? <a href={link({}, results.page + 1)} rel="next">{t('next')}</a> : <span />}
          </nav>
        ) : null}
      </section>
      {results.total > 0 ? (
        <section className="map" aria-labelledby="map-heading">
          <h2 id="map-heading">{t('mapTitle')}</h2>
          <img
            src={mapUrl(query, lang)}
            loading="lazy"
            decoding="async"
            width={MAP_SIZE.width}
            height={MAP_SIZE.height}
            alt={t('mapAlt', { count: countText(lang, located) })}
          />
          {results.total > located ? <p className="hint">{t('mapWithoutPosition', { n: countText(lang, results.total - located) })}</p> : null}
        </section>
      ) : null}
    </>
  );
}

function SearchForm({ lang, snapshot, query }: { lang: Language; snapshot: Snapshot; query: SearchQuery }) {
  const t = searchText(lang);
  return (
    <form className="panel" method="get" action={publicPaths.home(lang)} role="search" aria-label={t('formLabel')}>
      <div className="fields">
        <div>
          <label htmlFor="q">{t('q')}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} maxLength={MAX_WORDS_LENGTH} aria-describedby="q-hint" autoComplete="off" />
          <p className="hint" id="q-hint">{t('qHint')}</p>
        </div>
        <div>
          <label htmlFor="region">{t('region')}</label>
          <select id="region" name="region" defaultValue={query.region?.code ?? ''}>
            <option value="">{t('all')}</option>
            {snapshot.regions.map((r) => <option key={r.id} value={r.code}>{nameOf(lang, r)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="province">{t('province')}</label>
          <select id="province" name="province" defaultValue={query.province?.code ?? ''}>
            <option value="">{t('all')}</option>
            {snapshot.regions.map((r) => (
              <optgroup key={r.id} label={nameOf(lang, r)}>
                {snapshot.provinces.filter((p) => p.regionId === r.id).map((p) => <option key={p.id} value={p.code}>{nameOf(lang, p)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="category">{t('category')}</label>
          <select id="category" name="category" defaultValue={query.category ?? ''}>
            <option value="">{t('all')}</option>
            <optgroup label={t('categoryCentre')}>
              {centreTypes.map((v) => <option key={v} value={v}>{label.centreType(lang, v)}</option>)}
            </optgroup>
            <optgroup label={t('categoryLegal')}>
              {legalCategories.map((v) => <option key={v} value={v}>{label.legalCategory(lang, v)}</option>)}
            </optgroup>
          </select>
        </div>
        <div>
          <label htmlFor="need">{t('need')}</label>
          <select id="need" name="need" defaultValue={query.need ?? ''}>
            <option value="">{t('allMasc')}</option>
            {serviceTypes.map((v) => <option key={v} value={v}>{label.serviceType(lang, v)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="group">{t('group')}</label>
          <select id="group" name="group" defaultValue={query.group ?? ''}>
            <option value="">{t('allMasc')}</option>
            {targetGroups.map((v) => <option key={v} value={v}>{label.targetGroup(lang, v)}</option>)}
          </select>
        </div>
      </div>
      {query.commune ? <input type="hidden" name="commune" value={query.commune.id} /> : null}
      {query.near ? <input type="hidden" name="near" value={`${query.near.lat},${query.near.lon}`} /> : null}
      <div className="actions">
        <button type="submit">{t('submit')}</button>
        <button type="button" className="secondary" id="near-me" hidden data-asking={t('nearAsking')} data-denied={t('nearDenied')}>{t('nearMe')}</button>
        <a className="button secondary" href={publicPaths.home(lang)}>{t('clear')}</a>
      </div>
      <p className="hint" id="near-status" role="status" aria-live="polite" />
    </form>
  );
}

function Problems({ lang, problems, page }: { lang: Language; problems: Problem[]; page: number }) {
  const t = searchText(lang);
  return (
    <div className="notice bad" role="alert">
      <p>{t('problemsTitle')}</p>
      <ul>
        {problems.map((p) => <li key={p}>{t(`problem.${p}`, { max: formatNumber(lang, MAX_WORDS_LENGTH), page: formatNumber(lang, page) })}</li>)}
      </ul>
    </div>
  );
}

function NoResult({ lang, query, link }: { lang: Language; query: SearchQuery; link: (changes: Partial<SearchQuery>) => string }) {
  const t = searchText(lang);
  const suggestions: { key: string; href: string; text: string }[] = [];
  if (query.q) suggestions.push({ key: 'words', href: link({ q: '', words: [] }), text: t('tryFewerWords', { q: query.q }) });
  const placeRegion = (query.province || query.commune) && query.region;
  if (placeRegion) suggestions.push({ key: 'place', href: link({ province: null, commune: null }), text: t('tryWiderPlace', { name: nameOf(lang, placeRegion) }) });
  if (query.category || query.need || query.group) suggestions.push({ key: 'filters', href: link({ category: null, need: null, group: null }), text: t('tryAllCategories') });
  suggestions.push({ key: 'all', href: publicPaths.home(lang), text: t('tryEverything') });
  const where = query.commune ? `?commune=${query.commune.id}` : query.province ? `?province=${query.province.code}` : '';
  suggestions.push({ key: 'request', href: `${publicPaths.request(lang)}${where}`, text: t('tryRequest') });
  return (
    <div className="notice" role="status">
      <p><strong>{t('noResultTitle')}</strong></p>
      <p>{t('noResultTry')}</p>
      <ul>
        {suggestions.map((s) => <li key={s.key}><a href={s.href}>{s.text}</a></li>)}
      </ul>
    </div>
  );
}

export function AvailabilityBadge({ lang, listing }: { lang: Language; listing: Listing }) {
  if (!listing.availability) return null;
  const t = searchText(lang);
  return <span className={`badge ${listing.availability}`}>{t(`availability.${listing.availability}`)}</span>;
}

function ResultCard({ lang, hit }: { lang: Language; hit: Hit }) {
  const t = searchText(lang);
  const { listing } = hit;
  const kinds = [listing.centreType ? label.centreType(lang, listing.centreType) : null, listing.legalCategory ? categoryLabel(lang, listing.legalCategory) : null]
    .filter((k): k is string => k !== null);
  return (
    <article className="card">
      <h3><a href={publicPaths.institution(lang, listing.id)}>{nameOf(lang, listing)}</a></h3>
      <p className="meta">{[...kinds, lang === 'ar' ? listing.communeNameAr : listing.communeNameFr].join(' · ')}</p>
      {hit.distanceKm !== null ? <p className="meta">{t('distance', { km: formatNumber(lang, Math.round(hit.distanceKm * 10) / 10) })}</p> : null}
      <AvailabilityBadge lang={lang} listing={listing} />
      {listing.services.length > 0 ? (
        <ul className="tags" aria-label={t('services')}>
          {listing.services.map((s) => <li key={s}>{label.serviceType(lang, s)}</li>)}
        </ul>
      ) : null}
    </article>
  );
}
