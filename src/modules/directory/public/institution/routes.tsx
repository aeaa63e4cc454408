/** An institution's public page: /institutions/:id (Arabic) and /fr/institutions/:id. */
import type { Api } from '../../../../server/module.ts';
import { renderPage } from '../Layout.tsx';
import { sendPage } from '../page-cache.ts';
import { publicPaths } from '../paths.ts';
import { bothLanguages, sendNotFound, type Site } from '../site.tsx';
import { label } from '../search/words.ts';
import { InstitutionBody, institutionText, kindOf, placeOf } from './InstitutionPage.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function institutionRoutes(api: Api, site: Site): void {
  for (const [lang, path] of bothLanguages('/institutions/:id')) {
    api.get(path, { schema: { hide: true } }, async (request, reply) => {
      const id = String((request.params as { id?: unknown }).id ?? '').toLowerCase();
      // A malformed id is answered like an unknown one, without looking.
      if (!UUID.test(id)) return sendNotFound(request, reply);
      const snapshot = await site.source.current();
      const listing = snapshot.byId.get(id);
      // Unpublished, refused, closed and unknown institutions are all simply absent from the copy.
      if (!listing) return sendNotFound(request, reply);
      const page = site.cache.get(snapshot.version, `institution|${lang}|${id}`, () => {
        const t = institutionText(lang);
        const place = placeOf(lang, snapshot, listing);
        const name = lang === 'ar' ? listing.nameAr : listing.nameFr;
        const kind = kindOf(lang, listing);
        const services = listing.services.length > 0 ? t('servicesLine', { list: listing.services.map((s) => label.serviceType(lang, s)).join(lang === 'ar' ? '، ' : ', ') }) : '';
        const url = publicPaths.institution(lang, id);
        return renderPage(
          {
            lang,
            title: t('title', { name, kind, place: place.commune }),
            description: t('description', { name, kind, place: `${place.commune}, ${place.province}`, services }).trim(),
            url,
            canonical: url,
          },
          <InstitutionBody lang={lang} listing={listing} place={place} />,
        );
      });
      return sendPage(request, reply, page);
    });
  }
}
