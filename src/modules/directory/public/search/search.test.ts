/** The pure search over a hand-made copy of the directory: matching, order, distance, paging, parsing. */
import { describe, expect, it } from 'vitest';
import { foldName } from '../../../../platform/contract/fold-name.ts';
import type { Listing, Snapshot } from '../snapshot.ts';
import { parseNear, parseQuery, queryString } from './query.ts';
import { distanceKm, findAll, search } from './search.ts';

const ANZA = '5f0c8a52-8f5e-4a36-9d51-3c4a0ad1f0aa';
const region = { id: 'r9', code: '09', nameAr: 'سوس ماسة', nameFr: 'Souss-Massa' };
const agadir = { id: 'p1', code: '09.001', nameAr: 'أكادير إداوتنان', nameFr: 'Agadir Ida-Outanane', regionId: 'r9', isoCode: 'MA-AGD' };
const tiznit = { id: 'p2', code: '09.581', nameAr: 'تزنيت', nameFr: 'Tiznit', regionId: 'r9', isoCode: 'MA-TIZ' };

function listing(id: string, nameFr: string, nameAr: string, more: Partial<Listing> = {}): Listing {
  const province = more.provinceId === 'p2' ? tiznit : agadir;
  return {
    id, nameFr, nameAr,
    searchKey: `${foldName(`${nameAr} ${nameFr}`)} ${foldName(`${province.nameAr} ${province.nameFr}`)}`,
    legalCategory: 'schooled_children', centreType: 'student_home', targetGroups: ['schooled_children'], services: ['accommodation'],
    sexServed: 'girls', area: 'urban', mode: 'residential', regionId: 'r9', provinceId: province.id, communeId: province.id === 'p1' ? ANZA : 'c-p2',
    communeNameAr: 'جماعة', communeNameFr: 'Commune', addressAr: null, addressFr: null, phone: null, email: null,
    openingHoursAr: null, openingHoursFr: null, capacityTotal: null, availability: null, placesAvailable: null, availabilityUpdatedAt: null,
    latitude: null, longitude: null, licenceNumber: null, licenceDate: null, updatedAt: new Date('2026-01-01'),
    ...more,
  };
}

const listings = [
  listing('a', 'Dar Taliba Anza', 'دار الطالبة أنزا', { latitude: 30.45, longitude: -9.65 }),
  listing('b', 'Maison des personnes âgées Tiznit', 'دار المسنين تزنيت', { provinceId: 'p2', legalCategory: 'elderly', centreType: 'elderly_home', services: ['accommodation', 'primary_health_care'], targetGroups: ['elderly'], latitude: 29.7, longitude: -9.73 }),
  listing('c', 'Centre Agadir Nord', 'مركز أكادير الشمال', { centreType: 'social_centre', services: ['training'] }),
  listing('d', 'Dar Talib Tiznit', 'دار الطالب تزنيت', { provinceId: 'p2', latitude: 29.69, longitude: -9.72 }),
];
const snapshot: Snapshot = {
  version: '1', loadedAt: new Date(), listings, byId: new Map(listings.map((l) => [l.id, l])),
  regions: [region], provinces: [agadir, tiznit], communes: [{ id: '5f0c8a52-8f5e-4a36-9d51-3c4a0ad1f0aa', provinceId: 'p1', nameAr: 'أنزا', nameFr: 'Anza', key: 'anza' }],
};
const ask = (qs: string) => parseQuery(new URLSearchParams(qs), snapshot);
const ids = (qs: string, lang: 'ar' | 'fr' = 'fr') => findAll(snapshot, ask(qs).query, lang).map((h) => h.listing.id);

describe('search', () => {
  it('finds by words in either script, accents and hamza folded, through the province name too', () => {
    expect(ids('q=dar+taliba')).toEqual(['a']);
    expect(ids('q=MAISON+agees')).toEqual(['b']);
    expect(ids(`q=${encodeURIComponent('اكادير')}`)).toEqual(['c', 'a']); // own name first, then by place
    expect(ids('q=tiznit')).toEqual(['d', 'b']);
  });

  it('combines place, category (legal or centre type), need and group', () => {
    expect(ids('province=09.581')).toEqual(['d', 'b']);
    expect(ids('region=09')).toHaveLength(4);
    expect(ids('category=elderly')).toEqual(['b']);
    expect(ids('category=student_home&province=09.581')).toEqual(['d']);
    expect(ids('need=training')).toEqual(['c']);
    expect(ids('group=elderly')).toEqual(['b']);
    expect(ids('commune=5f0c8a52-8f5e-4a36-9d51-3c4a0ad1f0aa')).toEqual(['c', 'a']);
  });

  it('sorts by name in the page’s language', () => {
    expect(ids('')).toEqual(['c', 'd', 'a', 'b']); // "Dar Talib …" before "Dar Taliba …"
    expect(ids('', 'ar')).toEqual(['d', 'a', 'b', 'c']); // دار الطالب… before دار الطالبة… before دار المسنين… before مركز
  });

  it('sorts by distance from a position, those without a position last', () => {
    const hits = findAll(snapshot, ask('near=29.7,-9.72').query, 'fr');
    expect(hits.map((h) => h.listing.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(hits[0]!.distanceKm).toBeLessThan(2);
    expect(hits[3]!.distanceKm).toBeNull();
    expect(distanceKm({ lat: 30.42, lon: -9.6 }, 31.63, -8.0)).toBeCloseTo(203, -1);
  });

  it('pages by 20 and shows the last page when asked past the end', () => {
    const many: Listing[] = Array.from({ length: 45 }, (_, i) => listing(`m${String(i).padStart(2, '0')}`, `Centre ${String(i).padStart(2, '0')}`, `مركز ${i}`));
    const big: Snapshot = { ...snapshot, listings: many, byId: new Map(many.map((l) => [l.id, l])) };
    const third = search(big, parseQuery(new URLSearchParams('page=3'), big).query, 'fr');
    expect([third.total, third.pages, third.page, third.hits.length, third.pageOutOfRange]).toEqual([45, 3, 3, 5, false]);
    const past = search(big, parseQuery(new URLSearchParams('page=9'), big).query, 'fr');
    expect([past.page, past.pageOutOfRange, past.hits[0]!.listing.id]).toEqual([3, true, 'm40']);
  });
});

describe('query parsing', () => {
  it('drops and names each parameter of the wrong form, never throws', () => {
    expect(ask('region=9&province=09.999&category=x&need=y&group=z&near=a,b&page=-1&commune=zz').problems)
      .toEqual(['region', 'province', 'commune', 'category', 'need', 'group', 'near', 'page']);
    const long = ask(`q=${'ب'.repeat(500)}`);
    expect(long.problems).toEqual(['q']);
    expect(long.query.q).toHaveLength(100);
    expect(ask('q=%ZZ&page=2&page=x').query.page).toBe(2);
  });

  it('reads positions in range only, rounded to about 100 m', () => {
    expect(parseNear('30.42781,-9.59812')).toEqual({ lat: 30.428, lon: -9.598 });
    expect(parseNear(' 30 , -9 ')).toEqual({ lat: 30, lon: -9 });
    for (const bad of ['91,0', '0,181', '30;-9', '1e3,2', 'NaN,1', '']) expect(parseNear(bad), bad).toBeNull();
  });

  it('writes one canonical query string for the same search', () => {
    const a = ask('page=2&group=elderly&q=++dar   taliba&region=09').query;
    expect(queryString(a, a.page)).toBe('q=dar+taliba&region=09&group=elderly&page=2');
    expect(queryString(a)).toBe('q=dar+taliba&region=09&group=elderly');
  });
});
