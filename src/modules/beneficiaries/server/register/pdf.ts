/**
 * The legal beneficiary register of an institution for one year (law 65-15 art. 28; decree
 * 2.19.693 art. 11), printed by the platform's reports: landscape, every page numbered "page N of M"
 * with the institution, title and headers repeated. Health status is printed only for the roles
 * that may read it. Every person printed is logged as a register read.
 */
import type { Tx } from '../../../../server/context.ts';
import { renderPdf, type ReportColumn, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import commonAr from '../../i18n/ar.json' with { type: 'json' };
import commonFr from '../../i18n/fr.json' with { type: 'json' };
import registerAr from '../../web/register/i18n/ar.json' with { type: 'json' };
import registerFr from '../../web/register/i18n/fr.json' with { type: 'json' };
import { logAccess } from '../access-log.ts';
import type { RegisterEntry } from '../../contract/register.ts';
import { registerRows, visibleInstitution } from './queries.ts';

const catalogs = { ar: { ...commonAr, register: registerAr }, fr: { ...commonFr, register: registerFr } };

/** A label of the web catalogs ('register.pdf.title', 'enums.relation.father'). */
function label(lang: ReportLang, path: string): string {
  let node: unknown = catalogs[lang];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : path;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((p): p is string => Boolean(p)).join(' ');

function nameOf(lang: ReportLang, e: RegisterEntry): string {
  const ar = join(e.person.firstNameAr, e.person.lastNameAr);
  const lat = join(e.person.firstNameLat, e.person.lastNameLat);
  const [first, second] = lang === 'ar' ? [ar, lat] : [lat, ar];
  return first && second ? `${first} - ${second}` : first || second;
}

function familyOf(lang: ReportLang, e: RegisterEntry): string {
  const sep = lang === 'ar' ? '، ' : ', ';
  return e.family
    .map((r) => {
      const name = lang === 'ar' ? (r.fullNameAr ?? r.fullNameLat) : (r.fullNameLat ?? r.fullNameAr);
      const details = [
        r.cnie && `${label(lang, 'register.fields.cnie')} ${r.cnie}`,
        r.phone,
        r.profession,
        r.socialSituation && label(lang, `enums.socialSituation.${r.socialSituation}`),
        r.address,
      ].filter(Boolean);
      return `${label(lang, `enums.relation.${r.relation}`)}: ${name ?? ''}${details.length ? ` (${details.join(sep)})` : ''}`;
    })
    .join(lang === 'ar' ? ' ؛ ' : ' ; ');
}

export async function registerPdf(tx: Tx, institutionId: string, lang: ReportLang, year: number, healthVisible: boolean): Promise<Buffer> {
  const institution = await visibleInstitution(tx, institutionId);
  const { entries } = await registerRows(tx, institutionId, { year, status: 'all' }, healthVisible);
  // The legal register reads in registration order.
  entries.reverse();
  await logAccess(tx, [...new Set(entries.map((e) => e.person.id))], 'register');
  const column = (key: string, type: ReportColumn['type'] = 'text'): ReportColumn => ({
    key,
    headerAr: label('ar', `register.pdf.columns.${key}`),
    headerFr: label('fr', `register.pdf.columns.${key}`),
    type,
  });
  const columns = [
    column('number'),
    column('admissionDate', 'date'),
    column('name'),
    column('birth'),
    column('cnie'),
    column('familyStatus'),
    column('family'),
    ...(healthVisible ? [column('health')] : []),
    column('exit'),
  ];
  const rows = entries.map((e) => ({
    number: e.registrationNumber,
    admissionDate: e.admissionDate,
    name: `${nameOf(lang, e)} (${label(lang, `enums.sex.${e.person.sex}`)})`,
    birth: join(e.person.birthDatePrecision === 'year' ? e.person.birthDate?.slice(0, 4) : e.person.birthDate, e.person.birthPlace) || null,
    cnie: e.person.cnie,
    familyStatus: e.person.familyStatus ? label(lang, `enums.familyStatus.${e.person.familyStatus}`) : null,
    family: familyOf(lang, e) || null,
    ...(healthVisible ? { health: e.healthStatus ? label(lang, `enums.healthStatus.${e.healthStatus}`) : null } : {}),
    exit: e.exitDate ? join(e.exitDate, e.exitReason && label(lang, `enums.exitReason.${e.exitReason}`), e.exitDestination) : null,
  }));
  const report: TableReport = {
    titleAr: `${registerAr.pdf.title} - ${year}`,
    titleFr: `${registerFr.pdf.title} - ${year}`,
    levelNameAr: institution.nameAr,
    levelNameFr: institution.nameFr,
    columns,
    rows,
    orientation: 'landscape',
  };
  return renderPdf(report, lang);
}
