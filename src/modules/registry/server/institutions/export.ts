/**
 * Excel export of the filtered institutions list (platform reports: right-to-left sheet in
 * Arabic, typed cells). Same filters and order as the list, every page at once, up to a ceiling.
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderXlsx, type TableReport } from '../../../../platform/reports/index.ts';
import type { InstitutionFilters } from '../../contract/institutions.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import { orderedInstitutions, toListItem } from './queries.ts';

/** More rows than any national registry holds today (about 5,000); beyond it, filter first. */
export const EXPORT_MAX_ROWS = 20_000;

type Lang = 'ar' | 'fr';

export async function institutionsReport(tx: Tx, user: CurrentUser, filters: InstitutionFilters, lang: Lang): Promise<TableReport> {
  const c = lang === 'ar' ? ar : fr;
  const h = c.institutions.export;
  const other = lang === 'ar' ? fr.institutions.export : ar.institutions.export;
  const rows = (await orderedInstitutions(tx, user, filters, lang, { limit: EXPORT_MAX_ROWS }).execute()).map(toListItem);
  const col = (key: keyof typeof h.columns, type: TableReport['columns'][number]['type']) => ({
    key,
    headerAr: (lang === 'ar' ? h : other).columns[key],
    headerFr: (lang === 'fr' ? h : other).columns[key],
    type,
  });
  return {
    titleAr: ar.institutions.export.title,
    titleFr: fr.institutions.export.title,
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    orientation: 'landscape',
    columns: [
      col('name', 'text'),
      col('otherName', 'text'),
      col('category', 'text'),
      col('centreType', 'text'),
      col('status', 'text'),
      col('licenceNumber', 'text'),
      col('licenceDate', 'date'),
      col('region', 'text'),
      col('province', 'text'),
      col('commune', 'text'),
      col('founder', 'text'),
      col('area', 'text'),
      col('mode', 'text'),
      col('sexServed', 'text'),
      col('capacityMale', 'number'),
      col('capacityFemale', 'number'),
      col('capacityTotal', 'number'),
    ],
    rows: rows.map((r) => ({
      name: lang === 'ar' ? r.nameAr : r.nameFr,
      otherName: lang === 'ar' ? r.nameFr : r.nameAr,
      category: r.legalCategory ? c.enums.legalCategory[r.legalCategory] : null,
      centreType: r.centreType ? c.enums.centreType[r.centreType] : null,
      status: c.enums.institutionStatus[r.status],
      licenceNumber: r.licenceNumber,
      licenceDate: r.licenceDate,
      region: lang === 'ar' ? r.regionNameAr : r.regionNameFr,
      province: lang === 'ar' ? r.provinceNameAr : r.provinceNameFr,
      commune: lang === 'ar' ? r.communeNameAr : r.communeNameFr,
      founder: lang === 'ar' ? r.associationNameAr : r.associationNameFr,
      area: c.enums.area[r.area],
      mode: c.enums.careMode[r.mode],
      sexServed: c.enums.sexServed[r.sexServed],
      capacityMale: r.capacityMale,
      capacityFemale: r.capacityFemale,
      capacityTotal: r.capacityTotal,
    })),
  };
}

export async function exportInstitutions(tx: Tx, user: CurrentUser, filters: InstitutionFilters, lang: Lang): Promise<Buffer> {
  return renderXlsx(await institutionsReport(tx, user, filters, lang), lang);
}
