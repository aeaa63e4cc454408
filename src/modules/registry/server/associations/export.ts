/**
 * The filtered associations list as a spreadsheet (platform reports: right to left in Arabic),
 * built under the caller's row-level security with the same filters and order as the list.
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { renderXlsx, type ReportLang, type TableReport } from '../../../../platform/reports/index.ts';
import type { AssociationFilters } from '../../contract/associations.ts';
import webAr from '../../i18n/ar.json' with { type: 'json' };
import webFr from '../../i18n/fr.json' with { type: 'json' };
import { findAssociations } from './queries.ts';

/** Enough for a national registry (3,000 associations) in one sheet; more would be a job. */
export const EXPORT_LIMIT = 20_000;

export async function associationsTable(tx: Tx, user: CurrentUser, filters: AssociationFilters, lang: ReportLang): Promise<TableReport> {
  const { items } = await findAssociations(tx, { ...filters, limit: EXPORT_LIMIT });
  const labels = (lang === 'ar' ? webAr : webFr).enums;
  const yes = lang === 'ar' ? 'نعم' : 'Oui';
  const no = lang === 'ar' ? 'لا' : 'Non';
  return {
    titleAr: 'لائحة الجمعيات والجهات المسيرة',
    titleFr: 'Liste des associations et organismes gestionnaires',
    levelNameAr: user.scope.nameAr,
    levelNameFr: user.scope.nameFr,
    orientation: 'landscape',
    columns: [
      { key: 'nameAr', headerAr: 'الاسم بالعربية', headerFr: 'Nom (arabe)', type: 'text' },
      { key: 'nameFr', headerAr: 'الاسم بالفرنسية', headerFr: 'Nom (français)', type: 'text' },
      { key: 'legalForm', headerAr: 'الشكل القانوني', headerFr: 'Forme juridique', type: 'text' },
      { key: 'commune', headerAr: 'الجماعة', headerFr: 'Commune', type: 'text' },
      { key: 'receiptNumber', headerAr: 'رقم وصل الإيداع', headerFr: 'N° du récépissé', type: 'text' },
      { key: 'publicUtility', headerAr: 'ذات منفعة عامة', headerFr: "Utilité publique", type: 'text' },
      { key: 'boardRenewalDate', headerAr: 'تاريخ تجديد المكتب', headerFr: 'Renouvellement du bureau', type: 'date' },
      { key: 'status', headerAr: 'الحالة', headerFr: 'Statut', type: 'text' },
      { key: 'institutions', headerAr: 'عدد المؤسسات', headerFr: 'Établissements', type: 'number' },
    ],
    rows: items.map((a) => ({
      nameAr: a.nameAr,
      nameFr: a.nameFr,
      legalForm: labels.legalForm[a.legalForm],
      commune: lang === 'ar' ? a.communeNameAr : a.communeNameFr,
      receiptNumber: a.receiptNumber,
      publicUtility: a.publicUtility ? yes : no,
      boardRenewalDate: a.boardRenewalDate,
      status: labels.associationStatus[a.status],
      institutions: a.institutionCount,
    })),
  };
}

export async function associationsXlsx(tx: Tx, user: CurrentUser, filters: AssociationFilters, lang: ReportLang): Promise<Buffer> {
  return renderXlsx(await associationsTable(tx, user, filters, lang), lang);
}
