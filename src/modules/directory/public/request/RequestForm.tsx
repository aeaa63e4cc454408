/**
 * The request form in two steps that need no script: first the province (a GET form whose answer
 * is the same page with that province's communes), then the form itself, posted once.
 */
import type { Language } from '../../../../platform/contract/common.ts';
import { publicRequesterRelations, requestServiceTypes, requestTargetGroups } from '../../../beneficiaries/index.ts';
import { publicPaths } from '../paths.ts';
import type { Province, Snapshot } from '../snapshot.ts';
import { enumLabel, publicText } from '../text.ts';
import { described, ErrorSummary, Field, fieldId, errorId } from './Fields.tsx';
import { CONSENT_GIVEN, MAX_DESCRIPTION, MAX_NAME, type FieldErrors, type FormValues, type RequestField } from './form.ts';

/** Field names, kept out of the markup (where every literal is taken for visible text). */
const F = Object.fromEntries(['province', 'group', 'need', 'commune', 'description', 'name', 'phone'].map((f) => [f, f])) as Record<RequestField, RequestField>;
const groupLabel = (lang: Language, g: string) => enumLabel(lang, 'targetGroup', g);
const serviceLabel = (lang: Language, s: string) => enumLabel(lang, 'serviceType', s);

const placeName = (lang: Language, p: { nameAr: string; nameFr: string }) => (lang === 'ar' ? p.nameAr : p.nameFr);

/** Provinces grouped under their region, for a select with option groups. */
function ProvinceOptions({ lang, snapshot }: { lang: Language; snapshot: Snapshot }) {
  return (
    <>
      {snapshot.regions.map((region) => (
        <optgroup key={region.id} label={placeName(lang, region)}>
          {snapshot.provinces.filter((p) => p.regionId === region.id).map((p) => (
            <option key={p.id} value={p.code}>{placeName(lang, p)}</option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Step 1: where help is needed (a GET form: choosing a province reloads the page with its communes). */
export function ProvinceStep({ lang, snapshot, unknownPlace }: { lang: Language; snapshot: Snapshot; unknownPlace: boolean }) {
  const t = publicText(lang);
  return (
    <>
      <h1>{t('request.form.title')}</h1>
      <p>{t('request.form.intro')}</p>
      {unknownPlace ? <p className="notice bad" role="status">{t('request.form.unknownPlace')}</p> : null}
      <form className="panel" method="get" action={publicPaths.request(lang)}>
        <h2>{t('request.form.stepWhere')}</h2>
        <Field name={F.province} label={t('request.form.province')} hint={t('request.form.stepWhereHint')} t={t}>
          <select {...described(F.province, true, undefined)} required defaultValue="">
            <option value="">{t('request.form.chooseProvince')}</option>
            <ProvinceOptions lang={lang} snapshot={snapshot} />
          </select>
        </Field>
        <div className="actions"><button type="submit">{t('request.form.continue')}</button></div>
      </form>
    </>
  );
}

export interface RequestFormProps {
  lang: Language;
  snapshot: Snapshot;
  province: Province;
  values: FormValues;
  errors: FieldErrors;
  token: string;
  institutionName: string | null;
}

/** Step 2: the form itself, for one province; a refused form comes back with its values and errors. */
export function RequestFormStep({ lang, snapshot, province, values, errors, token, institutionName }: RequestFormProps) {
  const t = publicText(lang);
  const communes = snapshot.communes.filter((c) => c.provinceId === province.id);
  const labels: Record<string, string> = {
    relation: t('request.form.who'), group: t('request.form.forWhom'), need: t('request.form.need'), province: t('request.form.province'),
    commune: t('request.form.commune'), description: t('request.form.description'), name: t('request.form.name'),
    phone: t('request.form.phone'), consent: t('request.form.noticeTitle'),
  };
  return (
    <>
      <h1>{t('request.form.title')}</h1>
      <p>{t('request.form.intro')}</p>
      <ErrorSummary title={t('request.form.errorsTitle')} errors={errors} labels={labels} t={t} />
      <p className="hint">{t('request.form.required')}</p>
      <form className="panel" method="post" action={publicPaths.request(lang)} noValidate>
        <fieldset aria-describedby={errors.relation ? errorId('relation') : undefined}>
          <legend id={fieldId('relation')} tabIndex={-1}>{t('request.form.who')}</legend>
          {errors.relation ? <p className="error" id={errorId('relation')}>{t(errors.relation)}</p> : null}
          {publicRequesterRelations.map((r) => (
            <label className="check" key={r}>
              <input type="radio" name="relation" value={r} defaultChecked={values.relation === r} required />
              <span>{t(`request.relations.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="fields">
          <Field name={F.group} label={t('request.form.forWhom')} error={errors.group} t={t}>
            <select {...described(F.group, false, errors.group)} required defaultValue={values.group ?? ''}>
              <option value="">{t('request.form.chooseGroup')}</option>
              {requestTargetGroups.map((g) => <option key={g} value={g}>{groupLabel(lang, g)}</option>)}
            </select>
          </Field>
          <Field name={F.need} label={t('request.form.need')} error={errors.need} t={t}>
            <select {...described(F.need, false, errors.need)} defaultValue={values.need ?? ''}>
              <option value="">{t('request.form.needUnknown')}</option>
              {requestServiceTypes.map((s) => <option key={s} value={s}>{serviceLabel(lang, s)}</option>)}
            </select>
          </Field>
        </div>
        <h2>{t('request.form.stepWhere')}</h2>
        {institutionName ? <p className="hint">{t('request.form.institution', { name: institutionName })}</p> : null}
        <p>
          <span>{t('request.form.provinceChosen')}</span>{' '}<strong>{placeName(lang, province)}</strong>{' '}
          <a href={publicPaths.request(lang)}>{t('request.form.changeProvince')}</a>
        </p>
        <input type="hidden" name="province" value={province.code} />
        <Field name={F.commune} label={t('request.form.commune')} error={errors.commune} t={t}>
          <select {...described(F.commune, false, errors.commune)} required defaultValue={values.commune ?? ''}>
            <option value="">{t('request.form.chooseCommune')}</option>
            {communes.map((c) => <option key={c.id} value={c.id}>{placeName(lang, c)}</option>)}
          </select>
        </Field>
        <Field name={F.description} label={t('request.form.description')} hint={t('request.form.descriptionHint')} error={errors.description} t={t}>
          <textarea {...described(F.description, true, errors.description)} required maxLength={MAX_DESCRIPTION} rows={5} defaultValue={values.description ?? ''} />
        </Field>
        <h2>{t('request.form.contact')}</h2>
        <div className="fields">
          <Field name={F.name} label={t('request.form.name')} error={errors.name} t={t}>
            <input {...described(F.name, false, errors.name)} required maxLength={MAX_NAME} autoComplete="name" defaultValue={values.name ?? ''} />
          </Field>
          <Field name={F.phone} label={t('request.form.phone')} hint={t('request.form.phoneHint')} error={errors.phone} t={t}>
            <input {...described(F.phone, true, errors.phone)} type="tel" required maxLength={40} autoComplete="tel" inputMode="tel" dir="ltr" defaultValue={values.phone ?? ''} />
          </Field>
        </div>
        <section className="notice" aria-labelledby="notice-title">
          <h2 id="notice-title">{t('request.form.noticeTitle')}</h2>
          <p>{t('request.form.noticeSummary')}</p>
          <p><a href={publicPaths.privacy(lang)}>{t('request.form.noticeLink')}</a></p>
          {errors.consent ? <p className="error" id={errorId('consent')}>{t(errors.consent)}</p> : null}
          <label className="check" htmlFor={fieldId('consent')}>
            <input type="checkbox" id={fieldId('consent')} name="consent" value={CONSENT_GIVEN} required defaultChecked={values.consent === 'yes'}
              aria-describedby={errors.consent ? errorId('consent') : undefined} aria-invalid={errors.consent ? true : undefined} />
            <span>{t('request.form.consent')}</span>
          </label>
        </section>
        {/* A field people never see nor reach; software that fills every field fills it. */}
        <div className="trap">
          <label htmlFor="f-website">{t('request.form.trap')}</label>
          <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <input type="hidden" name="token" value={token} />
        <div className="actions"><button type="submit">{t('request.form.send')}</button></div>
      </form>
    </>
  );
}
