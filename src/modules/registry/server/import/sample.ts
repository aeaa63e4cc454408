/**
 * Spreadsheets of the registry import, as a delegation would fill them: the template (headers in
 * the user's language and one example row) and, for tests and demos, files of valid rows with
 * chosen cells changed.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Language } from '../../../../platform/contract/common.ts';
import { ribKey } from '../../contract/values.ts';
import { institutionImportFields, type FieldKey } from './fields.ts';

export type SampleRow = Record<FieldKey, string>;

export const importHeaders = (lang: Language): string[] => institutionImportFields.map((f) => (lang === 'ar' ? f.labelAr : f.labelFr));

/** A RIB whose key is right. */
export function sampleRib(): string {
  const first22 = `00781000${String(Math.floor(Math.random() * 1e14)).padStart(14, '0')}`;
  return first22 + ribKey(first22);
}

/**
 * A valid row: a Dar Taliba of Agadir Ida-Outanane in a new commune (named in both languages, so
 * the import creates it), founded by a new association. Names are unique on each call.
 */
export function sampleRow(changes: Partial<SampleRow> = {}): SampleRow {
  const n = randomUUID().slice(0, 6);
  return {
    associationNameAr: `جمعية الخير ${n}`,
    associationNameFr: `Association Al Khair ${n}`,
    associationLegalForm: 'Association',
    associationReceiptNumber: `R-${n}`,
    associationReceiptDate: '12/03/2012',
    associationRib: sampleRib(),
    associationCommune: '',
    nameAr: `دار الطالبة ${n}`,
    nameFr: `Dar Taliba ${n}`,
    legalCategory: 'schooled_children',
    centreType: 'Dar Talib / Dar Taliba',
    province: '09.001',
    communeAr: `جماعة ${n}`,
    communeFr: `Commune ${n}`,
    address: 'Hay Salam, Agadir',
    gps: '30.4202, -9.5982',
    area: 'Urbain',
    mode: 'Hébergement',
    sexServed: 'girls',
    capacityBoys: '0',
    capacityGirls: '60',
    feeMode: 'Gratuit',
    services: 'accommodation; feeding; educational_follow_up',
    director: 'Fatima Zahra Alaoui',
    phone: '0528 22 33 44',
    ...changes,
  };
}

const cellsOf = (row: SampleRow) => institutionImportFields.map((f) => row[f.key as FieldKey] ?? '');

export async function importXlsx(rows: SampleRow[], lang: Language = 'fr'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'ar' ? 'المؤسسات' : 'Établissements', { views: [{ rightToLeft: lang === 'ar', state: 'frozen', ySplit: 1 }] });
  sheet.addRow(importHeaders(lang)).font = { bold: true };
  for (const row of rows) sheet.addRow(cellsOf(row));
  sheet.columns.forEach((column) => (column.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function importCsv(rows: SampleRow[], lang: Language = 'fr'): Buffer {
  const quote = (c: string) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return Buffer.from([importHeaders(lang), ...rows.map(cellsOf)].map((r) => r.map(quote).join(',')).join('\n'));
}

/** The template offered for download: headers and one example row, in the user's language. */
export function templateXlsx(lang: Language): Promise<Buffer> {
  const example = sampleRow({
    associationNameAr: 'جمعية الخير للتنمية',
    associationNameFr: 'Association Al Khair pour le développement',
    associationReceiptNumber: '123/2012',
    associationRib: '007810000123456789012345'.slice(0, 22) + ribKey('0078100001234567890123'),
    nameAr: 'دار الطالبة الأمل',
    nameFr: 'Dar Taliba Al Amal',
    communeAr: 'أكادير',
    communeFr: 'Agadir',
    legalCategory: lang === 'ar' ? 'مؤسسات التكفل بالأطفال المتمدرسين' : 'schooled_children',
  });
  return importXlsx([example], lang);
}
