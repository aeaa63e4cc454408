/**
 * Everything Raaya holds on a person that the caller may see (law 09-08 art. 7, right of access):
 * identity, family, household, legal bases, reception requests, case files, referrals, admissions
 * and, for the roles that may read them, health, disability and protection records (the tables'
 * policies leave them out for everyone else). Read under the caller's row-level security, logged
 * as 'export'. JSON keeps the stored values; the PDF prints them with their labels.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { renderPdf, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import commonAr from '../../i18n/ar.json' with { type: 'json' };
import commonFr from '../../i18n/fr.json' with { type: 'json' };
import privacyAr from '../../web/privacy/i18n/ar.json' with { type: 'json' };
import privacyFr from '../../web/privacy/i18n/fr.json' with { type: 'json' };
import { logAccess } from '../access-log.ts';
import { requireVisiblePerson } from './person.ts';

type Row = Record<string, unknown>;

/** Scope keys and bookkeeping say nothing about the person. */
const HIDDEN = new Set(['region_id', 'delegation_id', 'association_id', 'institution_id', 'from_region_id', 'from_delegation_id', 'name_key_ar', 'name_key_lat', 'name_key']);
const clean = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([k]) => !HIDDEN.has(k) && !k.startsWith('match_') && !k.endsWith('_skeleton')));

async function rowsOf(tx: Tx, table: string, personId: string, order: string): Promise<Row[]> {
  const result = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE person_id = ${personId} ORDER BY ${sql.ref(order)}, id`.execute(tx);
  return result.rows.map(clean);
}

export interface PersonExport {
  exportedAt: string;
  exportedBy: { id: string; username: string };
  controller: string;
  person: Row;
  household: Row | null;
  relatives: Row[];
  consents: Row[];
  requests: Row[];
  cases: Row[];
  referrals: Row[];
  admissions: Row[];
  sensitive: { included: boolean; health: Row[]; disabilities: Row[]; protection: Row[] };
}

export async function collectPersonData(tx: Tx, user: CurrentUser, personId: string): Promise<PersonExport> {
  await requireVisiblePerson(tx, personId);
  const person = clean((await sql<Row>`SELECT * FROM beneficiaries.persons WHERE id = ${personId}`.execute(tx)).rows[0]!);
  const household = person.household_id
    ? ((await sql<Row>`SELECT * FROM beneficiaries.households WHERE id = ${person.household_id as string}`.execute(tx)).rows.map(clean)[0] ?? null)
    : null;
  const [relatives, consents, requests, cases, referrals, admissions, health, disabilities, protection] = await Promise.all([
    rowsOf(tx, 'beneficiaries.relatives', personId, 'created_at'),
    rowsOf(tx, 'beneficiaries.consents', personId, 'given_on'),
    rowsOf(tx, 'beneficiaries.requests', personId, 'received_at'),
    rowsOf(tx, 'beneficiaries.cases', personId, 'opened_on'),
    sql<Row>`SELECT r.*, i.name_ar AS institution_name_ar, i.name_fr AS institution_name_fr FROM beneficiaries.referrals r
      LEFT JOIN registry.institutions i ON i.id = r.institution_id WHERE r.person_id = ${personId} ORDER BY r.proposed_on, r.id`.execute(tx).then((r) => r.rows.map(clean)),
    sql<Row>`SELECT a.*, i.name_ar AS institution_name_ar, i.name_fr AS institution_name_fr FROM beneficiaries.admissions a
      LEFT JOIN registry.institutions i ON i.id = a.institution_id WHERE a.person_id = ${personId} ORDER BY a.admission_date, a.id`.execute(tx).then((r) => r.rows.map(clean)),
    rowsOf(tx, 'beneficiaries.health_records', personId, 'recorded_on'),
    rowsOf(tx, 'beneficiaries.disabilities', personId, 'created_at'),
    rowsOf(tx, 'beneficiaries.protection_records', personId, 'created_at'),
  ]);
  await logAccess(tx, [personId], 'export');
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: { id: user.id, username: user.username },
    controller: 'Entraide Nationale',
    person,
    household,
    relatives,
    consents,
    requests,
    cases,
    referrals,
    admissions,
    // The policies return no sensitive row to other roles; the flag says whether the export could hold them.
    sensitive: { included: hasPermission(user.role, 'beneficiaries.sensitive'), health, disabilities, protection },
  };
}

type Catalog = Record<string, unknown>;
const catalogs: Record<ReportLang, { common: Catalog; privacy: Catalog }> = {
  ar: { common: commonAr, privacy: privacyAr },
  fr: { common: commonFr, privacy: privacyFr },
};

function lookup(node: unknown, path: string): string | undefined {
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const label = (lang: ReportLang, path: string) => lookup(catalogs[lang].privacy, path) ?? path;
/** An enum value's label: the module's vocabularies first, then this part's own. */
const enumLabel = (lang: ReportLang, name: string, value: string) =>
  lookup(catalogs[lang].common, `enums.${name}.${value}`) ?? lookup(catalogs[lang].privacy, `enums.${name}.${value}`) ?? value;

/** Field → vocabulary whose label is printed instead of the stored code. */
type Field = [column: string, vocabulary?: string];
const SECTIONS: { key: keyof PersonExport | 'health' | 'disabilities' | 'protection'; fields: Field[] }[] = [
  { key: 'person', fields: [['first_name_ar'], ['last_name_ar'], ['first_name_lat'], ['last_name_lat'], ['sex', 'sex'], ['birth_date'],
    ['birth_date_precision', 'birthDatePrecision'], ['birth_place'], ['cnie'], ['idcs'], ['phone'], ['address'], ['family_status', 'familyStatus'],
    ['schooling_level', 'schoolingLevel']] },
  { key: 'relatives', fields: [['relation', 'relation'], ['full_name_ar'], ['full_name_lat'], ['cnie'], ['phone'], ['address'], ['profession'],
    ['social_situation', 'socialSituation'], ['is_legal_representative', 'yesNo']] },
  { key: 'consents', fields: [['basis', 'legalBasis'], ['purpose', 'consentPurpose'], ['purpose_details'], ['given_by', 'consentGiver'],
    ['given_by_name'], ['given_on'], ['withdrawn_on'], ['withdrawal_reason']] },
  { key: 'requests', fields: [['number'], ['received_at'], ['channel', 'channel'], ['status', 'requestStatus'], ['urgency', 'urgency'], ['summary']] },
  { key: 'cases', fields: [['number'], ['stage', 'caseStage'], ['opened_on'], ['closed_on'], ['close_reason']] },
  { key: 'referrals', fields: [['institution_name'], ['outside_service'], ['state', 'referralState'], ['proposed_on'], ['decline_reason']] },
  { key: 'admissions', fields: [['institution_name'], ['registration_number'], ['admission_date'], ['exit_date'], ['exit_reason', 'exitReason'],
    ['exit_destination'], ['school_year']] },
  { key: 'health', fields: [['status', 'healthStatus'], ['recorded_on'], ['details']] },
  { key: 'disabilities', fields: [['kind', 'disabilityKind'], ['degree', 'disabilityDegree'], ['card_number'], ['since'], ['details']] },
  { key: 'protection', fields: [['kind', 'protectionKind'], ['occurred_on'], ['perpetrator_relation', 'perpetratorRelation'],
    ['complaint_filed', 'yesNo'], ['court_reference'], ['details']] },
];

function printable(lang: ReportLang, row: Row, [column, vocabulary]: Field): string | null {
  const value = column === 'institution_name' ? (lang === 'ar' ? (row.institution_name_ar ?? row.institution_name_fr) : (row.institution_name_fr ?? row.institution_name_ar)) : row[column];
  if (value === null || value === undefined) return null;
  if (vocabulary === 'yesNo') return label(lang, value ? 'export.yes' : 'export.no');
  if (vocabulary) return enumLabel(lang, vocabulary, String(value));
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}

export async function personExportPdf(tx: Tx, user: CurrentUser, personId: string, lang: ReportLang): Promise<Buffer> {
  const data = await collectPersonData(tx, user, personId);
  const rows: Record<string, string | null>[] = [];
  for (const section of SECTIONS) {
    const records: Row[] =
      section.key === 'health' || section.key === 'disabilities' || section.key === 'protection'
        ? data.sensitive[section.key]
        : section.key === 'person' ? [data.person] : (data[section.key] as Row[]);
    if (records.length === 0) continue;
    records.forEach((record, index) => {
      const title = label(lang, `export.sections.${section.key}`);
      rows.push({ field: records.length > 1 ? `${title} (${index + 1})` : title, value: null });
      for (const field of section.fields) {
        const value = printable(lang, record, field);
        if (value !== null) rows.push({ field: label(lang, `export.fields.${field[0]}`), value });
      }
    });
  }
  const report: TableReport = {
    titleAr: privacyAr.export.title,
    titleFr: privacyFr.export.title,
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    columns: [
      { key: 'field', headerAr: privacyAr.export.field, headerFr: privacyFr.export.field, type: 'text' },
      { key: 'value', headerAr: privacyAr.export.value, headerFr: privacyFr.export.value, type: 'text' },
    ],
    rows,
  };
  return renderPdf(report, lang);
}
