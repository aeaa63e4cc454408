/** The notice of law 09-08 art. 5 for requests sent from the public site (also summarised on the form). */
import { Fragment } from 'react';
import type { Language } from '../../../../platform/contract/common.ts';
import { CNDP_AUTHORISATION_REFERENCE } from '../../../beneficiaries/index.ts';
import { publicText } from '../text.ts';

const sections = ['controller', 'purposes', 'data', 'recipients', 'security', 'rights', 'where'] as const;

export function PrivacyBody({ lang }: { lang: Language }) {
  const t = publicText(lang);
  return (
    <>
      <h1>{t('request.privacy.title')}</h1>
      <p>{t('request.privacy.intro')}</p>
      <section className="panel">
        <dl className="facts">
          {sections.map((s) => (
            <Fragment key={s}>
              <dt>{t(`request.privacy.${s}`)}</dt>
              <dd>{t(`request.privacy.${s}Text`)}</dd>
            </Fragment>
          ))}
          <dt>{t('request.privacy.cndp')}</dt>
          <dd>{CNDP_AUTHORISATION_REFERENCE ? t('request.privacy.cndpText', { reference: CNDP_AUTHORISATION_REFERENCE }) : t('request.privacy.cndpPending')}</dd>
        </dl>
      </section>
    </>
  );
}
