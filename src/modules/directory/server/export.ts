/**
 * Excel export of the staff list (platform reports: a right-to-left sheet in Arabic): the same
 * filters and order as the list, every row at once, so a delegation can review its public
 * directory offline.
 */
import type { CurrentUser, Tx } from '../../../server/context.ts';
import type { Language } from '../../../platform/contract/common.ts';
import { renderXlsx, type TableReport } from '../../../platform/reports/index.ts';
import { registryEnumLabels } from '../../registry/index.ts';
import type { PublicationFilters } from '../contract.ts';
import ar from './i18n/ar.json' with { type: 'json' };
import fr from './i18n/fr.json' with { type: 'json' };
import { allPublications } from './queries.ts';

const columns = ['name', 'otherName', 'category', 'centreType', 'status', 'province', 'commune', 'published', 'publicFields', 'availability', 'placesAvailable', 'availabilityUpdatedOn'] as const;
const numeric = new Set<string>(['placesAvailable']);

export async function exportPublications(tx: Tx, user: CurrentUser, filters: PublicationFilters, lang: Language): Promise<Buffer> {
  const c = (lang === 'ar' ? ar : fr).directory.export;
  const enums = registryEnumLabels[lang];
  const rows = await allPublications(tx, user, filters, lang);
  const named = (o: { ar: string; fr: string }) => (lang === 'ar' ? o.ar : o.fr);
  const report: TableReport = {
    titleAr: ar.directory.export.title,
    titleFr: fr.directory.export.title,
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    orientation: 'landscape',
    columns: columns.map((key) => ({
      key,
      headerAr: ar.directory.export.columns[key],
      headerFr: fr.directory.export.columns[key],
      type: key === 'availabilityUpdatedOn' ? 'date' : numeric.has(key) ? 'number' : 'text',
    })),
    rows: rows.map((r) => ({
      name: named({ ar: r.nameAr, fr: r.nameFr }),
      otherName: named({ ar: r.nameFr, fr: r.nameAr }),
      category: r.legalCategory ? enums.legalCategory[r.legalCategory] : null,
      centreType: r.centreType ? enums.centreType[r.centreType] : null,
      status: enums.institutionStatus[r.status],
      province: named({ ar: r.provinceNameAr, fr: r.provinceNameFr }),
      commune: named({ ar: r.communeNameAr, fr: r.communeNameFr }),
      published: r.visible ? c.yes : r.published ? c.hidden : c.no,
      publicFields: r.publicFields.map((f) => c.fields[f]).join(lang === 'ar' ? '، ' : ', '),
      availability: r.availability ? c.availability[r.availability] : null,
      placesAvailable: r.placesAvailable,
      availabilityUpdatedOn: r.availabilityUpdatedAt ? r.availabilityUpdatedAt.slice(0, 10) : null,
    })),
  };
  return renderXlsx(report, lang);
}
