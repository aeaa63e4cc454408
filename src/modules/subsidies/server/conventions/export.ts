/**
 * The filtered convention list as a spreadsheet (platform reports, right to left in Arabic), built
 * under the caller's row-level security with the same filters and order as the list.
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderXlsx, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { ConventionFilters } from './contract.ts';
import { findConventions } from './queries.ts';
import { label, pick } from './labels.ts';

/** A national list over five years is about 15,000 conventions: one sheet holds them. */
export const EXPORT_LIMIT = 20_000;

const col = (key: string, type: TableReport['columns'][number]['type'], header = key) => ({ key, type, headerAr: label('ar', `list.${header}`), headerFr: label('fr', `list.${header}`) });

export async function conventionsTable(tx: Tx, user: CurrentUser, filters: ConventionFilters, lang: ReportLang): Promise<TableReport> {
  const items = await findConventions(tx, filters, { limit: EXPORT_LIMIT, today: todayInMorocco() });
  return {
    titleAr: label('ar', 'list.title'),
    titleFr: label('fr', 'list.title'),
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    orientation: 'landscape',
    columns: [
      col('reference', 'text'),
      col('association', 'text'),
      col('object', 'text'),
      col('partners', 'text'),
      col('startsOn', 'date'),
      col('endsOn', 'date'),
      col('total', 'money'),
      col('status', 'text'),
      col('signedOn', 'date'),
      col('lateTranches', 'number'),
    ],
    rows: items.map((c) => ({
      reference: c.reference,
      association: pick(lang, c.associationNameAr, c.associationNameFr),
      object: pick(lang, c.objectAr, c.objectFr),
      partners: c.partnerKinds.map((k) => label(lang, `enums.partnerKind.${k}`)).join(lang === 'ar' ? '، ' : ', '),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      total: c.totalMad,
      status: label(lang, `enums.status.${c.status}`),
      signedOn: c.signedOn,
      lateTranches: c.lateTranches,
    })),
  };
}

export async function conventionsXlsx(tx: Tx, user: CurrentUser, filters: ConventionFilters, lang: ReportLang): Promise<Buffer> {
  return renderXlsx(await conventionsTable(tx, user, filters, lang), lang);
}
