import type { Language } from '../../../platform/contract/common.ts';
import { publicPaths } from './paths.ts';
import { publicText } from './text.ts';

export function NotFoundBody({ lang }: { lang: Language }) {
  const t = publicText(lang);
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p><a className="button" href={publicPaths.home(lang)}>{t('notFound.back')}</a></p>
    </>
  );
}
