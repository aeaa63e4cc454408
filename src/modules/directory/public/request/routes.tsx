/**
 * The request for help (issue 7 item 2): the form (/request), its sending, the status lookup
 * (/request/status) and the data protection notice (/privacy), in Arabic at the root and in French
 * under /fr. Posts are plain forms (no script needed); they are counted per address, checked
 * against a honeypot and a signed timestamp, and refused past a small size (decision 0024).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import type { Language } from '../../../../platform/contract/common.ts';
import { anonymous } from '../../../../server/context.ts';
import type { Api } from '../../../../server/module.ts';
import { publicRequestStatus, submitPublicRequest } from '../../../beneficiaries/index.ts';
import { renderPage } from '../Layout.tsx';
import { compressPage, PRIVATE_CACHE, sendPage } from '../page-cache.ts';
import { bothLanguages, type Site } from '../site.tsx';
import type { Snapshot } from '../snapshot.ts';
import { publicText } from '../text.ts';
import { checkFormToken, createGuard, signFormToken, type Guard } from './guard.ts';
import { BODY_LIMIT, checkRequestForm, checkStatusForm, formValues, type FieldErrors, type FormValues } from './form.ts';
import { PrivacyBody } from './PrivacyPage.tsx';
import { RefusedBody, SentBody, type Refusal } from './Answers.tsx';
import { ProvinceStep, RequestFormStep } from './RequestForm.tsx';
import { StatusBody, type StatusOutcome } from './StatusPage.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A visitor's own page (a form with its token, an answer): never kept by a cache. */
function sendOwnPage(request: FastifyRequest, reply: FastifyReply, lang: Language, title: string, body: ReactNode, status = 200): FastifyReply {
  const html = renderPage({ lang, title, url: request.url, noindex: true }, body);
  return sendPage(request, reply, compressPage(html, status), PRIVATE_CACHE);
}

function sendRefusal(request: FastifyRequest, reply: FastifyReply, lang: Language, why: Refusal, status: number, back: string): FastifyReply {
  return sendOwnPage(request, reply, lang, publicText(lang)('request.refused.title'), <RefusedBody lang={lang} why={why} back={back} />, status);
}

/** Errors before the handler (body too large, not a form, unreadable) answer a page, not a problem. */
const refusalHandler = (lang: Language, back: string) => (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const status = error.statusCode ?? 500;
  if (status >= 500) request.log.error(error);
  const why: Refusal = status === 413 ? 'tooLarge' : status >= 500 ? 'failed' : 'malformed';
  return sendRefusal(request, reply, lang, why, status >= 500 ? 500 : status, back);
};

const queryOf = (request: FastifyRequest): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.query ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
};

/** Where the form opens: ?commune=, else ?institution= (its commune), else ?province=. */
function placeFromQuery(snapshot: Snapshot, query: Record<string, string>) {
  const institution = query.institution && UUID.test(query.institution) ? snapshot.byId.get(query.institution.toLowerCase()) : undefined;
  const communeId = query.commune && UUID.test(query.commune) ? query.commune.toLowerCase() : institution?.communeId;
  const commune = communeId ? snapshot.communes.find((c) => c.id === communeId) : undefined;
  const province = commune ? snapshot.provinces.find((p) => p.id === commune.provinceId) : snapshot.provinces.find((p) => p.code === query.province);
  const asked = Boolean(query.commune || query.institution || query.province);
  return { province, commune, institution, unknown: asked && !province };
}

interface FormState {
  values: FormValues;
  errors: FieldErrors;
  token: string;
  institutionName: string | null;
}

function sendForm(request: FastifyRequest, reply: FastifyReply, lang: Language, snapshot: Snapshot, state: FormState | null, province: Snapshot['provinces'][number] | undefined, unknownPlace: boolean, status = 200) {
  const title = publicText(lang)('request.form.title');
  if (!province || !state) return sendOwnPage(request, reply, lang, title, <ProvinceStep lang={lang} snapshot={snapshot} unknownPlace={unknownPlace} />, status);
  return sendOwnPage(request, reply, lang, title, <RequestFormStep lang={lang} snapshot={snapshot} province={province} {...state} />, status);
}

export function requestRoutes(api: Api, site: Site): void {
  const guard: Guard = createGuard(site.ctx);

  for (const [lang, path] of bothLanguages('/privacy')) {
    api.get(path, { schema: { hide: true } }, async (request, reply) => {
      const snapshot = await site.source.current();
      const page = site.cache.get(snapshot.version, `${lang}|/privacy`, () =>
        renderPage({ lang, title: publicText(lang)('request.privacy.title'), url: path }, <PrivacyBody lang={lang} />));
      return sendPage(request, reply, page);
    });
  }

  // Our own scope: only plain forms are read here, and only small ones.
  api.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    for (const [lang, path] of bothLanguages('/request')) {
      const options = { schema: { hide: true }, bodyLimit: BODY_LIMIT, errorHandler: refusalHandler(lang, path) };

      scope.get(path, options, async (request, reply) => {
        const snapshot = await site.source.current();
        const place = placeFromQuery(snapshot, queryOf(request));
        const token = signFormToken(await guard.secret(), Date.now());
        const institutionName = place.institution ? (lang === 'ar' ? place.institution.nameAr : place.institution.nameFr) : null;
        return sendForm(request, reply, lang, snapshot, { values: { commune: place.commune?.id }, errors: {}, token, institutionName }, place.province, place.unknown);
      });

      scope.post(path, options, async (request, reply) => {
        const values = formValues(request.body);
        if (!values) return sendRefusal(request, reply, lang, 'malformed', 400, path);
        // Counted before anything else: a flood of bad forms is a flood too.
        if (!(await guard.allow('request', request.ip))) return sendRefusal(request, reply, lang, 'tooMany', 429, path);
        const snapshot = await site.source.current();
        const secret = await guard.secret();
        const now = Date.now();
        const verdict = checkFormToken(secret, values.token, now);
        const checked = checkRequestForm(values, snapshot);
        if (!checked.ok) {
          const province = snapshot.provinces.find((p) => p.code === values.province);
          // A form we served keeps its timestamp, so correcting it does not make it look new.
          const token = verdict === 'ok' || verdict === 'too_fast' ? values.token! : signFormToken(secret, now);
          return sendForm(request, reply, lang, snapshot, { values, errors: checked.errors, token, institutionName: null }, province, !province, 400);
        }
        const trapFilled = (values.website ?? '') !== '';
        const flaggedAutomated = trapFilled || verdict !== 'ok';
        if (flaggedAutomated) request.log.info({ trapFilled, verdict }, 'public request held for review');
        const { form } = checked;
        const number = await anonymous(site.ctx, (tx) =>
          submitPublicRequest(tx, {
            requesterRelation: form.relation,
            requesterName: form.name,
            requesterPhone: form.phone,
            communeId: form.commune,
            needs: [form.group],
            services: form.need ? [form.need] : [],
            summary: form.description,
            consentGiven: true,
            flaggedAutomated,
          }));
        return sendOwnPage(request, reply, lang, publicText(lang)('request.sent.title'), <SentBody lang={lang} number={number} />);
      });
    }

    for (const [lang, path] of bothLanguages('/request/status')) {
      const options = { schema: { hide: true }, bodyLimit: BODY_LIMIT, errorHandler: refusalHandler(lang, path) };
      const title = publicText(lang)('request.status.title');
      const page = (request: FastifyRequest, reply: FastifyReply, values: { number?: string; phone?: string }, errors: Record<string, string>, outcome: StatusOutcome, status = 200) =>
        sendOwnPage(request, reply, lang, title, <StatusBody lang={lang} values={values} errors={errors} outcome={outcome} />, status);

      scope.get(path, options, async (request, reply) => {
        const number = queryOf(request).number;
        return page(request, reply, { number: number && number.length <= 40 ? number : undefined }, {}, null);
      });

      scope.post(path, options, async (request, reply) => {
        const values = formValues(request.body);
        if (!values) return sendRefusal(request, reply, lang, 'malformed', 400, path);
        if (!(await guard.allow('status', request.ip))) return sendRefusal(request, reply, lang, 'tooMany', 429, path);
        const kept = { number: values.number?.slice(0, 40), phone: values.phone?.slice(0, 40) };
        const checked = checkStatusForm(values);
        if (!checked.ok) return page(request, reply, kept, checked.errors, null, 400);
        const status = await anonymous(site.ctx, (tx) => publicRequestStatus(tx, checked.number, checked.phone));
        // One answer for a wrong number and for a wrong phone: the page never tells which.
        if (!status) return page(request, reply, kept, {}, { kind: 'not_found' }, 404);
        return page(request, reply, kept, {}, { kind: 'found', number: checked.number, status });
      });
    }
  });
}
