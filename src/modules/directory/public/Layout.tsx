/** The frame of every public page: language and direction, titles for search engines, navigation, footer. */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../../platform/contract/common.ts';
import { otherLanguageUrl, publicPaths } from './paths.ts';
import { PUBLIC_CSS } from './styles.ts';
import { publicText } from './text.ts';

export interface PageFrame {
  lang: Language;
  /** The page's own title; the site's name is added after it. */
  title: string;
  description?: string;
  /** This page's address (path and query), for the language switch and the alternate links. */
  url: string;
  /** The page's one address for search engines (path and canonical query), when it has one. */
  canonical?: string;
  /** Pages that should not be indexed (request forms, answers). */
  noindex?: boolean;
  /** Language-free scripts this page may use (progressive enhancement only). */
  scripts?: string[];
}

export function Layout({ frame, children }: { frame: PageFrame; children: ReactNode }) {
  const { lang, url } = frame;
  const t = publicText(lang);
  const other: Language = lang === 'ar' ? 'fr' : 'ar';
  const path = url.split('?')[0]!;
  return (
    <html lang={lang === 'ar' ? 'ar-MA' : 'fr-MA'} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${frame.title} · ${t('site.name')}`}</title>
        {frame.description ? <meta name="description" content={frame.description} /> : null}
        {frame.noindex ? <meta name="robots" content="noindex" /> : null}
        {frame.canonical ? <link rel="canonical" href={frame.canonical} /> : null}
        <link rel="alternate" hrefLang="ar" href={otherLanguageUrl(path, 'ar')} />
        <link rel="alternate" hrefLang="fr" href={otherLanguageUrl(path, 'fr')} />
        <style dangerouslySetInnerHTML={{ __html: PUBLIC_CSS }} />
        {(frame.scripts ?? []).map((src) => <script key={src} src={src} defer />)}
      </head>
      <body>
        <a className="skip" href="#main">{t('nav.skip')}</a>
        <header className="site">
          <a className="brand" href={publicPaths.home(lang)}>{t('site.name')}</a>
          <nav className="site" aria-label={t('nav.label')}>
            <ul>
              <li><a href={publicPaths.home(lang)}>{t('nav.search')}</a></li>
              <li><a href={publicPaths.request(lang)}>{t('nav.request')}</a></li>
              <li><a href={publicPaths.status(lang)}>{t('nav.status')}</a></li>
              <li><a href={otherLanguageUrl(url, other)} hrefLang={other} lang={other}>{t('nav.otherLanguage')}</a></li>
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site">
          <p>{t('site.footer')}</p>
          <ul className="tags">
            <li><a href={publicPaths.privacy(lang)}>{t('nav.privacy')}</a></li>
            <li><a href="/app/">{t('nav.staff')}</a></li>
          </ul>
        </footer>
      </body>
    </html>
  );
}

/** A whole page as HTML text. React escapes every value, so text typed by anyone stays text. */
export function renderPage(frame: PageFrame, body: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(<Layout frame={frame}>{body}</Layout>)}`;
}
