/** The search page (Arabic at /, French at /fr/). */
import type { Api } from '../../../../server/module.ts';
import { renderPage } from '../Layout.tsx';
import { sendPage } from '../page-cache.ts';
import { bothLanguages, type Site } from '../site.tsx';
import { publicText } from '../text.ts';

export function searchRoutes(api: Api, site: Site): void {
  for (const [lang, path] of bothLanguages('/')) {
    api.get(path, { schema: { hide: true } }, async (request, reply) => {
      const snapshot = await site.source.current();
      const page = site.cache.get(snapshot.version, `${lang}|${request.url}`, () => {
        const t = publicText(lang);
        return renderPage({ lang, title: t('nav.search'), url: request.url }, (
          <>
            <h1>{t('nav.search')}</h1>
            <ol className="results">
              {snapshot.listings.slice(0, 20).map((l) => <li key={l.id}>{lang === 'ar' ? l.nameAr : l.nameFr}</li>)}
            </ol>
          </>
        ));
      });
      return sendPage(request, reply, page);
    });
  }
}
