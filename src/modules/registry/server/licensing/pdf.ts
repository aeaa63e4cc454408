/**
 * The licence certificate and the registry extract of an institution, printed by the platform's
 * reports (renderPdf) in Arabic or French. Both carry the licence number and date (law 65-15
 * art. 16). Read under row-level security: an institution out of scope answers 404.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, notFound } from '../../../../server/errors.ts';
import { renderPdf, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import { findSteps } from './queries.ts';

type Catalog = typeof fr;
const catalogs: Record<ReportLang, Catalog> = { ar, fr };

/** A label of the registry's web catalog ('licensing.pdf.field', 'enums.legalCategory.elderly'). */
function label(lang: ReportLang, path: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogs[lang];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') return path;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

async function identityOf(tx: Tx, institutionId: string) {
  return tx
    .selectFrom('registry.institutions as i')
    .innerJoin('registry.associations as a', 'a.id', 'i.association_id')
    .innerJoin('territory.communes as c', 'c.id', 'i.commune_id')
    .innerJoin('territory.provinces as p', 'p.id', 'i.province_id')
    .leftJoin('organisation.delegations as d', 'd.id', 'i.delegation_id')
    .select([
      'i.id', 'i.name_ar', 'i.name_fr', 'i.legal_category', 'i.centre_type', 'i.address_ar', 'i.address_fr', 'i.mode',
      'i.capacity_male', 'i.capacity_female', 'i.capacity_total', 'i.director_name_ar', 'i.director_name_fr', 'i.status',
      'i.licence_number', 'i.licence_date', 'a.name_ar as founder_ar', 'a.name_fr as founder_fr', 'c.name_ar as commune_ar',
      'c.name_fr as commune_fr', 'p.name_ar as province_ar', 'p.name_fr as province_fr', 'd.name_ar as delegation_ar', 'd.name_fr as delegation_fr',
    ])
    .select(sql<string[] | null>`(SELECT array_agg(s.service ORDER BY s.service) FROM registry.institution_services s WHERE s.institution_id = i.id)`.as('services'))
    .where('i.id', '=', institutionId)
    .executeTakeFirst();
}

type Identity = NonNullable<Awaited<ReturnType<typeof identityOf>>>;

const pick = (lang: ReportLang, arText: string | null, frText: string | null) => (lang === 'ar' ? (arText ?? frText) : (frText ?? arText)) ?? '';

function identityRows(lang: ReportLang, i: Identity): Record<string, string | null>[] {
  const row = (key: string, value: string | null) => ({ field: label(lang, `licensing.pdf.${key}`), value });
  const sep = lang === 'ar' ? '،' : ',';
  return [
    row('nameAr', i.name_ar),
    row('nameFr', i.name_fr),
    row('founder', pick(lang, i.founder_ar, i.founder_fr)),
    row('place', `${pick(lang, i.commune_ar, i.commune_fr)}${sep} ${pick(lang, i.province_ar, i.province_fr)}`),
    row('address', pick(lang, i.address_ar, i.address_fr) || null),
    row('category', i.legal_category ? label(lang, `enums.legalCategory.${i.legal_category}`) : null),
    row('centreType', i.centre_type ? label(lang, `enums.centreType.${i.centre_type}`) : null),
    row('mode', label(lang, `enums.careMode.${i.mode}`)),
    row('capacity', label(lang, 'licensing.pdf.capacityValue', { total: i.capacity_total ?? 0, male: i.capacity_male, female: i.capacity_female })),
    row('services', (i.services ?? []).map((s) => label(lang, `enums.serviceType.${s}`)).join(`${sep} `) || null),
    row('director', pick(lang, i.director_name_ar, i.director_name_fr) || null),
    { field: label(lang, 'licensing.licenceNumber'), value: i.licence_number },
    { field: label(lang, 'licensing.licenceDate'), value: i.licence_date as unknown as string | null },
    { field: label(lang, 'licensing.status'), value: label(lang, `enums.institutionStatus.${i.status}`) },
  ];
}

const levelOf = (user: CurrentUser, i: Identity) => ({
  levelNameAr: i.delegation_ar ? `المندوبية الإقليمية للتعاون الوطني - ${i.delegation_ar}` : user.scope.nameAr,
  levelNameFr: i.delegation_fr ? `Délégation provinciale de l'Entraide Nationale - ${i.delegation_fr}` : user.scope.nameFr,
});

const fieldColumns = [
  { key: 'field', headerAr: ar.licensing.pdf.field, headerFr: fr.licensing.pdf.field, type: 'text' as const },
  { key: 'value', headerAr: ar.licensing.pdf.value, headerFr: fr.licensing.pdf.value, type: 'text' as const },
];

/** The licence certificate: only for an authorised institution (409 otherwise). */
export async function licencePdf(tx: Tx, user: CurrentUser, institutionId: string, lang: ReportLang): Promise<Buffer> {
  const i = await identityOf(tx, institutionId);
  if (!i) throw notFound();
  if (i.status !== 'authorised' || !i.licence_number) throw new AppError(409, 'licensing.errors.out_of_order');
  const rows = identityRows(lang, i).filter((r) => r.field !== label(lang, 'licensing.status'));
  rows.push({ field: label(lang, 'licensing.pdf.legalBasis'), value: label(lang, 'licensing.pdf.legalBasisValue') });
  const report: TableReport = {
    titleAr: `${ar.licensing.pdf.licenceTitle} - ${i.licence_number}`,
    titleFr: `${fr.licensing.pdf.licenceTitle} - ${i.licence_number}`,
    ...levelOf(user, i),
    columns: fieldColumns,
    rows,
  };
  return renderPdf(report, lang);
}

/** The registry extract: identity, founder, place, capacity, services, director, licence, status and history. */
export async function extractPdf(tx: Tx, user: CurrentUser, institutionId: string, lang: ReportLang): Promise<Buffer> {
  const i = await identityOf(tx, institutionId);
  if (!i) throw notFound();
  const steps = await findSteps(tx, institutionId);
  const history = steps.map((s) => {
    const what = [
      label(lang, `licensing.kinds.${s.outcome === 'refused' && s.kind === 'ministry_decision' ? 'ministry_refusal' : s.kind}`),
      s.opinion && label(lang, `licensing.opinions.${s.opinion}`),
      s.licenceNumber && `${label(lang, 'licensing.licenceNumber')} ${s.licenceNumber}`,
      s.changeSubject && label(lang, `licensing.subjects.${s.changeSubject}`),
      s.outcome === 'approved' && label(lang, 'licensing.decisionOutcomes.approved'),
      s.reasons,
    ].filter(Boolean).join(' - ');
    const author = s.createdBy ? pick(lang, s.createdBy.fullNameAr || null, s.createdBy.fullNameFr || null) : '';
    return { field: s.occurredOn, value: author ? `${what} (${label(lang, 'licensing.by', { name: author })})` : what };
  });
  const report: TableReport = {
    titleAr: ar.licensing.pdf.extractTitle,
    titleFr: fr.licensing.pdf.extractTitle,
    ...levelOf(user, i),
    columns: fieldColumns,
    rows: [...identityRows(lang, i), { field: label(lang, 'licensing.pdf.history'), value: null }, ...history],
  };
  return renderPdf(report, lang);
}
