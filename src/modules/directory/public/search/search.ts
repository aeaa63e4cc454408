/**
 * The directory search, in memory over one copy of the directory (no SQL per search). Pure: the
 * same copy and query always give the same results, which the page cache relies on.
 *
 * Matching: every filter given must hold, and every folded word must appear in the listing's
 * search key (its names, its commune's and its province's, in both scripts). Order: by distance
 * when a position is given (listings without a position last); otherwise, with words, the
 * institutions whose own name matches before those found by their place; then by name in the
 * page's language.
 */
import type { Language } from '../../../../platform/contract/common.ts';
import { foldName } from '../../../../platform/contract/fold-name.ts';
import type { Listing, Snapshot } from '../snapshot.ts';
import { PAGE_SIZE, type Position, type SearchQuery } from './query.ts';

export interface Hit {
  listing: Listing;
  /** Kilometres from the visitor's position, when one was given and the listing has one. */
  distanceKm: number | null;
}

export interface SearchPage {
  total: number;
  /** The page shown (the last one when the page asked is past the end). */
  page: number;
  pages: number;
  pageOutOfRange: boolean;
  hits: Hit[];
}

interface Index {
  /** Folded own names (without the place), to rank name matches first. */
  nameKey: Map<string, string>;
  /** Listings sorted by name in each language. */
  byName: Record<Language, readonly Listing[]>;
}

// One index per copy: built on the copy's first search, dropped with the copy.
const indexes = new WeakMap<Snapshot, Index>();

function indexOf(snapshot: Snapshot): Index {
  let index = indexes.get(snapshot);
  if (!index) {
    // Each language's own alphabetical order (the database's collation would put "É" after "Z").
    const sorted = (locale: Language, name: (l: Listing) => string) => {
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      return [...snapshot.listings].sort((a, b) => collator.compare(name(a), name(b)) || (a.id < b.id ? -1 : 1));
    };
    index = {
      nameKey: new Map(snapshot.listings.map((l) => [l.id, foldName(`${l.nameAr} ${l.nameFr}`)])),
      byName: { ar: sorted('ar', (l) => l.nameAr), fr: sorted('fr', (l) => l.nameFr) },
    };
    indexes.set(snapshot, index);
  }
  return index;
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(from: Position, lat: number, lon: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat - from.lat) * rad;
  const dLon = (lon - from.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(from.lat * rad) * Math.cos(lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function matches(listing: Listing, query: SearchQuery): boolean {
  if (query.region && listing.regionId !== query.region.id) return false;
  if (query.province && listing.provinceId !== query.province.id) return false;
  if (query.commune && listing.communeId !== query.commune.id) return false;
  if (query.category && listing.legalCategory !== query.category && listing.centreType !== query.category) return false;
  if (query.need && !listing.services.includes(query.need)) return false;
  if (query.group && !listing.targetGroups.includes(query.group)) return false;
  return query.words.every((word) => listing.searchKey.includes(word));
}

/** Every listing the query finds, in the order shown (the map draws them all). */
export function findAll(snapshot: Snapshot, query: SearchQuery, lang: Language): Hit[] {
  const index = indexOf(snapshot);
  const found = index.byName[lang].filter((listing) => matches(listing, query));
  const { near } = query;
  if (near) {
    const hits = found.map((listing): Hit => ({
      listing,
      distanceKm: listing.latitude === null || listing.longitude === null ? null : distanceKm(near, listing.latitude, listing.longitude),
    }));
    // A stable sort keeps the name order among equals and among listings without a position.
    return hits.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
  }
  if (query.words.length > 0) {
    const byOwnName = (l: Listing) => (query.words.every((w) => index.nameKey.get(l.id)!.includes(w)) ? 0 : 1);
    found.sort((a, b) => byOwnName(a) - byOwnName(b));
  }
  return found.map((listing) => ({ listing, distanceKm: null }));
}

/** One page of results (PAGE_SIZE a page). */
export function search(snapshot: Snapshot, query: SearchQuery, lang: Language): SearchPage {
  return pageOf(findAll(snapshot, query, lang), query.page);
}

export function pageOf(all: Hit[], asked: number): SearchPage {
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(asked, pages);
  return { total: all.length, page, pages, pageOutOfRange: asked > pages, hits: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
}
