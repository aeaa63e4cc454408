/**
 * Spreadsheets of the registry import, as a delegation would fill them: the template (headers in
 * the user's language and one example row) and, for tests and demos, files of valid rows with
 * chosen cells changed.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Language } from '../../../../platform/contract/common.ts';
import { areas, careModes, centreTypes, feeModes, legalCategories, legalForms, serviceTypes, sexesServed } from '../../contract/enums.ts';
import { ribKey } from '../../contract/values.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
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

const catalogs = { ar, fr } as const;
type Vocabulary = 'legalForm' | 'legalCategory' | 'centreType' | 'area' | 'careMode' | 'sexServed' | 'feeMode' | 'serviceType';
const label = (lang: Language, vocabulary: Vocabulary, code: string) => (catalogs[lang].enums[vocabulary] as Record<string, string>)[code] ?? code;

/** The columns whose cells take a value from a list, and that list, for the template's second sheet. */
const vocabularies: { field: FieldKey; vocabulary: Vocabulary; codes: readonly string[] }[] = [
  { field: 'associationLegalForm', vocabulary: 'legalForm', codes: legalForms },
  { field: 'legalCategory', vocabulary: 'legalCategory', codes: legalCategories },
  { field: 'centreType', vocabulary: 'centreType', codes: centreTypes },
  { field: 'area', vocabulary: 'area', codes: areas },
  { field: 'mode', vocabulary: 'careMode', codes: careModes },
  { field: 'sexServed', vocabulary: 'sexServed', codes: sexesServed },
  { field: 'feeMode', vocabulary: 'feeMode', codes: feeModes },
  { field: 'services', vocabulary: 'serviceType', codes: serviceTypes },
];

/**
 * The template offered for download: headers and one example row in the user's language, and a
 * second sheet listing, for each list column, the accepted labels (the codes are accepted too).
 */
export async function templateXlsx(lang: Language): Promise<Buffer> {
  const l = (vocabulary: Vocabulary, code: string) => label(lang, vocabulary, code);
  const example = sampleRow({
    associationNameAr: 'جمعية الخير للتنمية',
    associationNameFr: 'Association Al Khair pour le développement',
    associationLegalForm: l('legalForm', 'association'),
    associationReceiptNumber: '123/2012',
    associationRib: '0078100001234567890123' + ribKey('0078100001234567890123'),
    nameAr: 'دار الطالبة الأمل',
    nameFr: 'Dar Taliba Al Amal',
    communeAr: 'أكادير',
    communeFr: 'Agadir',
    legalCategory: l('legalCategory', 'schooled_children'),
    centreType: l('centreType', 'student_home'),
    area: l('area', 'urban'),
    mode: l('careMode', 'residential'),
    sexServed: l('sexServed', 'girls'),
    feeMode: l('feeMode', 'free'),
    services: ['accommodation', 'feeding', 'educational_follow_up'].map((c) => l('serviceType', c)).join(lang === 'ar' ? '، ' : ', '),
    address: lang === 'ar' ? 'حي السلام، أكادير' : 'Hay Salam, Agadir',
    director: lang === 'ar' ? 'فاطمة الزهراء العلوي' : 'Fatima Zahra Alaoui',
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await importXlsx([example], lang)) as unknown as ArrayBuffer);
  const guide = workbook.addWorksheet(lang === 'ar' ? 'القيم المقبولة' : 'Valeurs acceptées', { views: [{ rightToLeft: lang === 'ar' }] });
  const columns = vocabularies.map((v) => institutionImportFields.find((f) => f.key === v.field)!);
  guide.addRow(columns.map((f) => (lang === 'ar' ? f.labelAr : f.labelFr))).font = { bold: true };
  const longest = Math.max(...vocabularies.map((v) => v.codes.length));
  for (let i = 0; i < longest; i++) guide.addRow(vocabularies.map((v) => (v.codes[i] ? l(v.vocabulary, v.codes[i]!) : '')));
  guide.columns.forEach((column) => (column.width = 36));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
