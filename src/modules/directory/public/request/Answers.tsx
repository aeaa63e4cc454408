/** The answers to a post: the sent request's number and how to follow it, or why nothing was stored. */
import type { Language } from '../../../../platform/contract/common.ts';
import { publicPaths } from '../paths.ts';
import { publicText } from '../text.ts';

/** The answer to a sent request: its number, and how to follow it. */
export function SentBody({ lang, number }: { lang: Language; number: string }) {
  const t = publicText(lang);
  return (
    <>
      <h1>{t('request.sent.title')}</h1>
      <section className="notice good">
        <p>
          <span>{t('request.sent.number')}</span>{' '}
          <strong id="request-number" dir="ltr">{number}</strong>
        </p>
        <p>{t('request.sent.keep')}</p>
        <p>{t('request.sent.next')}</p>
      </section>
      <p><a className="button" href={`${publicPaths.status(lang)}?number=${encodeURIComponent(number)}`}>{t('request.sent.follow')}</a></p>
    </>
  );
}

export type Refusal = 'tooMany' | 'tooLarge' | 'malformed' | 'failed';

/** A post that was not taken: why, that nothing was stored, and the way back. */
export function RefusedBody({ lang, why, back }: { lang: Language; why: Refusal; back: string }) {
  const t = publicText(lang);
  return (
    <>
      <h1>{t('request.refused.title')}</h1>
      <p className="notice bad">{t(`request.refused.${why}`)}</p>
      <p><a href={back}>{t('request.refused.back')}</a></p>
    </>
  );
}
