/** Following a request: its number and the phone given with it, and the status in plain words. */
import type { Language } from '../../../../platform/contract/common.ts';
import type { PublicStatus } from '../../../beneficiaries/index.ts';
import { publicPaths } from '../paths.ts';
import { publicText } from '../text.ts';
import { described, ErrorSummary, Field } from './Fields.tsx';
import type { StatusField } from './form.ts';

/** Field names, kept out of the markup (where every literal is taken for visible text). */
const F: Record<StatusField, StatusField> = { number: 'number', phone: 'phone' };

export type StatusOutcome = { kind: 'found'; number: string; status: PublicStatus } | { kind: 'not_found' } | null;

export interface StatusPageProps {
  lang: Language;
  values: { number?: string; phone?: string };
  errors: Partial<Record<StatusField, string>>;
  outcome: StatusOutcome;
}

export function StatusBody({ lang, values, errors, outcome }: StatusPageProps) {
  const t = publicText(lang);
  const labels = { number: t('request.status.number'), phone: t('request.status.phone') };
  return (
    <>
      <h1>{t('request.status.title')}</h1>
      {outcome?.kind === 'found' ? (
        <section className="notice good" id="status-result" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('request.status.result', { number: `\u2066${outcome.number}\u2069` })}</h2>
          <p><strong id="status-word">{t(`request.status.words.${outcome.status}`)}</strong></p>
          <p>{t(`request.status.explain.${outcome.status}`)}</p>
        </section>
      ) : null}
      {outcome?.kind === 'not_found' ? <p className="notice bad" id="status-result">{t('request.status.notFound')}</p> : null}
      <ErrorSummary title={t('request.status.errorsTitle')} errors={errors} labels={labels} t={t} />
      <p>{t('request.status.intro')}</p>
      <form className="panel" method="post" action={publicPaths.status(lang)} noValidate>
        <div className="fields">
          <Field name={F.number} label={labels.number} hint={t('request.status.numberHint')} error={errors.number} t={t}>
            <input {...described(F.number, true, errors.number)} required maxLength={40} dir="ltr" autoComplete="off" defaultValue={values.number ?? ''} />
          </Field>
          <Field name={F.phone} label={labels.phone} error={errors.phone} t={t}>
            <input {...described(F.phone, false, errors.phone)} type="tel" required maxLength={40} dir="ltr" autoComplete="tel" inputMode="tel" defaultValue={values.phone ?? ''} />
          </Field>
        </div>
        <div className="actions"><button type="submit">{t('request.status.check')}</button></div>
      </form>
    </>
  );
}
