/**
 * The search form's query string, read strictly: each parameter of the wrong form is dropped and
 * named in `problems`, so the page answers normally with a message instead of an error. Codes
 * are resolved against the directory copy (a region or province that does not exist is a problem
 * too). The result is canonical: the same search always gives the same `canonical` string, which
 * keys the page cache and builds the links.
 */
import { foldName } from '../../../../platform/contract/fold-name.ts';
import type { Commune, Place, Province, Snapshot } from '../snapshot.ts';
import { isCategory, serviceTypes, targetGroups } from './vocabulary.ts';

export const PAGE_SIZE = 20;
/** Longest words accepted; a longer text is cut there (and the visitor told). */
export const MAX_WORDS_LENGTH = 100;
/** Most words matched; more add nothing but time. */
const MAX_WORDS = 8;

export type Problem = 'q' | 'region' | 'province' | 'commune' | 'category' | 'need' | 'group' | 'near' | 'page';

export interface Position {
  lat: number;
  lon: number;
}

export interface SearchQuery {
  /** The words as typed (trimmed, cut to MAX_WORDS_LENGTH). */
  q: string;
  /** The folded words, each to be found in a listing's search key. */
  words: string[];
  region: Place | null;
  province: Province | null;
  commune: Commune | null;
  category: string | null;
  need: string | null;
  group: string | null;
  near: Position | null;
  page: number;
}

export interface ParsedQuery {
  query: SearchQuery;
  problems: Problem[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = '(-?\\d{1,3}(?:\\.\\d{1,12})?)';
const NEAR = new RegExp(`^${NUMBER}\\s*,\\s*${NUMBER}$`);

/** A position rounded to about 100 m: enough to sort by distance, and it bounds the cache keys. */
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function parseNear(value: string): Position | null {
  const match = NEAR.exec(value.trim());
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat: round3(lat), lon: round3(lon) };
}

/** The query string of a request's address (a malformed escape decodes to U+FFFD, never throws). */
export const paramsOf = (url: string): URLSearchParams => {
  const at = url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : url.slice(at + 1));
};

/** Reads the search parameters; never throws, whatever the input. */
export function parseQuery(params: URLSearchParams, snapshot: Snapshot): ParsedQuery {
  const problems: Problem[] = [];
  // A repeated parameter (?q=a&q=b) counts by its first value.
  const get = (name: string): string => (params.get(name) ?? '').trim();

  let q = get('q').replace(/\s+/g, ' ');
  if (q.length > MAX_WORDS_LENGTH) {
    problems.push('q');
    q = q.slice(0, MAX_WORDS_LENGTH).trim();
  }
  const words = [...new Set(foldName(q).split(' ').filter(Boolean))].slice(0, MAX_WORDS);

  const pick = <T>(name: Problem, form: RegExp | null, find: (value: string) => T | undefined): T | null => {
    const value = get(name);
    if (!value) return null;
    const found = !form || form.test(value) ? find(value) : undefined;
    if (found === undefined) problems.push(name);
    return found ?? null;
  };
  const region = pick('region', /^\d{2}$/, (code) => snapshot.regions.find((r) => r.code === code));
  const province = pick('province', /^\d{2}\.\d{3}$/, (code) => snapshot.provinces.find((p) => p.code === code));
  const commune = pick('commune', UUID, (id) => snapshot.communes.find((c) => c.id === id.toLowerCase()));
  const category = pick('category', null, (v) => (isCategory(v) ? v : undefined));
  const need = pick('need', null, (v) => (serviceTypes.includes(v) ? v : undefined));
  const group = pick('group', null, (v) => (targetGroups.includes(v) ? v : undefined));
  const near = pick('near', null, (v) => parseNear(v) ?? undefined);
  const page = pick('page', /^\d{1,6}$/, (v) => (Number(v) >= 1 ? Number(v) : undefined)) ?? 1;

  return { query: { q, words, region, province, commune, category, need, group, near, page }, problems };
}

/** The search as a query string (without page unless asked), in a fixed order: links, cache keys. */
export function queryString(query: SearchQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.region) params.set('region', query.region.code);
  if (query.province) params.set('province', query.province.code);
  if (query.commune) params.set('commune', query.commune.id);
  if (query.category) params.set('category', query.category);
  if (query.need) params.set('need', query.need);
  if (query.group) params.set('group', query.group);
  if (query.near) params.set('near', `${query.near.lat},${query.near.lon}`);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** Whether the visitor asked anything (the home page shows everything, with an invitation). */
export const isEmptyQuery = (query: SearchQuery): boolean => queryString(query) === '';
