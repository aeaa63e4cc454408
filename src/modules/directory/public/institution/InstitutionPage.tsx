/**
 * An institution's public page: only what its delegation chose to publish (the directory copy
 * holds nothing else: directory.public_listings() returns NULL for every field not chosen), and
 * never anything about the persons it cares for.
 */
import type { ReactNode } from 'react';
import type { Language } from '../../../../platform/contract/common.ts';
import { publicPaths } from '../paths.ts';
import type { Listing, Snapshot } from '../snapshot.ts';
import { formatDate, formatNumber, publicText } from '../text.ts';
import { AvailabilityBadge } from '../search/SearchPage.tsx';
import { categoryLabel, label } from '../search/words.ts';
import { institutionMapUrl, POINT_MAP_SIZE } from '../map/urls.ts';

export const institutionText = (lang: Language) => {
  const t = publicText(lang);
  return (key: string, params?: Record<string, unknown>) => t(`institution.${key}`, params);
};

/** The point's map at its own size at most (the stylesheet makes map images fill the width). */
const POINT_MAP_STYLE = { maxWidth: `${POINT_MAP_SIZE.width}px` } as const;

const nameOf = (lang: Language, p: { nameAr: string; nameFr: string }) => (lang === 'ar' ? p.nameAr : p.nameFr);

export interface Place {
  commune: string;
  province: string;
  region: string;
}

export function placeOf(lang: Language, snapshot: Snapshot, listing: Listing): Place {
  const province = snapshot.provinces.find((p) => p.id === listing.provinceId);
  const region = snapshot.regions.find((r) => r.id === listing.regionId);
  return {
    commune: lang === 'ar' ? listing.communeNameAr : listing.communeNameFr,
    province: province ? nameOf(lang, province) : '',
    region: region ? nameOf(lang, region) : '',
  };
}

/** "Student home" (the centre type) or, without one, the legal category. */
export function kindOf(lang: Language, listing: Listing): string {
  if (listing.centreType) return label.centreType(lang, listing.centreType);
  return listing.legalCategory ? categoryLabel(lang, listing.legalCategory) : '';
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function InstitutionBody({ lang, listing, place }: { lang: Language; listing: Listing; place: Place }) {
  const t = institutionText(lang);
  const other: Language = lang === 'ar' ? 'fr' : 'ar';
  const address = lang === 'ar' ? (listing.addressAr ?? listing.addressFr) : (listing.addressFr ?? listing.addressAr);
  const hours = lang === 'ar' ? (listing.openingHoursAr ?? listing.openingHoursFr) : (listing.openingHoursFr ?? listing.openingHoursAr);
  const position = listing.latitude !== null && listing.longitude !== null;
  return (
    <article>
      <p><a href={publicPaths.home(lang)}>{t('back')}</a></p>
      <h1>{nameOf(lang, listing)}</h1>
      <p className="meta" lang={other} dir={other === 'ar' ? 'rtl' : 'ltr'}>{nameOf(other, listing)}</p>
      <p className="meta">{[kindOf(lang, listing), place.commune].filter(Boolean).join(' · ')}</p>
      <AvailabilityBadge lang={lang} listing={listing} />
      <p className="actions">
        <a className="button" href={`${publicPaths.request(lang)}?institution=${listing.id}`}>{t('request')}</a>
      </p>
      <p className="hint">{t('requestHint')}</p>

      <section className="panel" aria-labelledby="about">
        <h2 id="about">{t('about')}</h2>
        <dl className="facts">
          {listing.centreType ? <Fact term={t('centreType')}>{label.centreType(lang, listing.centreType)}</Fact> : null}
          {listing.legalCategory ? <Fact term={t('category')}>{label.legalCategory(lang, listing.legalCategory)}</Fact> : null}
          <Fact term={t('sexServed')}>{label.sexServed(lang, listing.sexServed)}</Fact>
          <Fact term={t('mode')}>{label.careMode(lang, listing.mode)}</Fact>
          {listing.targetGroups.length > 0 ? <Fact term={t('targetGroups')}><ul className="tags">{listing.targetGroups.map((g) => <li key={g}>{label.targetGroup(lang, g)}</li>)}</ul></Fact> : null}
          {listing.capacityTotal !== null ? <Fact term={t('capacity')}>{t('capacityValue', { n: formatNumber(lang, listing.capacityTotal) })}</Fact> : null}
          {listing.availability ? (
            <Fact term={t('availability')}>
              <AvailabilityBadge lang={lang} listing={listing} />
              {listing.placesAvailable !== null ? <> {t('availabilityPlaces', { n: formatNumber(lang, listing.placesAvailable) })}</> : null}
              {listing.availabilityUpdatedAt ? <span className="hint"> ({t('availabilityDate', { date: formatDate(lang, listing.availabilityUpdatedAt.toISOString().slice(0, 10)) })})</span> : null}
            </Fact>
          ) : null}
          {listing.licenceNumber ? <Fact term={t('licenceNumber')}>{listing.licenceNumber}</Fact> : null}
          {listing.licenceDate ? <Fact term={t('licenceDate')}>{formatDate(lang, listing.licenceDate)}</Fact> : null}
        </dl>
        {listing.services.length > 0 ? (
          <>
            <h3>{t('services')}</h3>
            <ul className="tags">{listing.services.map((s) => <li key={s}>{label.serviceType(lang, s)}</li>)}</ul>
          </>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="contact">
        <h2 id="contact">{t('contact')}</h2>
        <dl className="facts">
          {address ? <Fact term={t('address')}>{address}</Fact> : null}
          <Fact term={t('commune')}>{place.commune}</Fact>
          <Fact term={t('province')}>{place.province}</Fact>
          <Fact term={t('region')}>{place.region}</Fact>
          {listing.phone ? <Fact term={t('phone')}><a href={`tel:${listing.phone.replace(/[^\d+]/g, '')}`} dir="ltr">{listing.phone}</a></Fact> : null}
          {listing.email ? <Fact term={t('email')}><a href={`mailto:${listing.email}`} dir="ltr">{listing.email}</a></Fact> : null}
          {hours ? <Fact term={t('hours')}>{hours}</Fact> : null}
        </dl>
      </section>

      {position ? (
        <section className="map" aria-labelledby="situation">
          <h2 id="situation">{t('map')}</h2>
          <img
            src={institutionMapUrl(listing.id, lang)}
            loading="lazy"
            decoding="async"
            width={POINT_MAP_SIZE.width}
            height={POINT_MAP_SIZE.height}
            alt={t('mapAlt', { province: place.province, name: nameOf(lang, listing) })}
            style={POINT_MAP_STYLE}
          />
        </section>
      ) : null}
    </article>
  );
}
