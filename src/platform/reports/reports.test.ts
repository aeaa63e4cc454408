/**
 * The report mechanism, checked by reading the produced files back: PDF through pdf.js (and an
 * ActualText-aware reader for Arabic words, see testing/pdf-text.ts), XLSX through exceljs.
 * No database: these tests only need the npm-shipped Chromium.
 */
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, renderPdf, renderXlsx, ReportValueError, type TableReport } from './index.ts';
import { escapeHtml, reportHtml } from './pdf.ts';
import { pdfPageRuns } from './testing/pdf-text.ts';
import { toCell } from './table-report.ts';
import { HEADER_ROW } from './xlsx.ts';

// Already 15 June in Casablanca (UTC+1 outside Ramadan): the date is Morocco's day, not the server's.
const ISSUED_AT = new Date('2025-06-14T23:30:00Z');

function sampleReport(rowCount: number): TableReport {
  const rows = Array.from({ length: rowCount }, (_, i) => ({
    name: i === 0 ? 'جمعية الأمل <b>Tiznit</b>' : `مركز التكوين ${i + 1}`,
    opened: '2024-01-10',
    beneficiaries: 1200 + i,
    budget: i === 0 ? '1234.50' : '99.90',
    rate: '0.25',
  }));
  return {
    titleAr: 'لائحة مراكز التربية والتكوين',
    titleFr: "Liste des centres d'éducation et de formation",
    levelNameAr: 'المندوبية الإقليمية للتعاون الوطني - أكادير إداوتنان',
    levelNameFr: "Délégation provinciale de l'Entraide Nationale - Agadir Ida-Outanane",
    columns: [
      { key: 'name', headerAr: 'الاسم', headerFr: 'Nom', type: 'text' },
      { key: 'opened', headerAr: 'تاريخ الافتتاح', headerFr: "Date d'ouverture", type: 'date' },
      { key: 'beneficiaries', headerAr: 'عدد المستفيدين', headerFr: 'Bénéficiaires', type: 'number' },
      { key: 'budget', headerAr: 'الميزانية', headerFr: 'Budget', type: 'money' },
      { key: 'rate', headerAr: 'نسبة الإنجاز', headerFr: 'Taux de réalisation', type: 'percent' },
    ],
    rows,
  };
}

async function openPdf(pdf: Buffer): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
}

/** pdf.js text of one page, NFKC-normalised (folds Arabic presentation forms to letters). */
async function pdfjsPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  return content.items
    .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
    .join('')
    .normalize('NFKC');
}

/** Horizontal position, on page 1, of the first pdf.js text item containing `text`. */
async function xOf(doc: PDFDocumentProxy, text: string): Promise<number> {
  const content = await (await doc.getPage(1)).getTextContent();
  const item = content.items.find((i) => 'str' in i && i.str.includes(text));
  if (!item || !('transform' in item)) throw new Error(`${text} not found`);
  return Number(item.transform[4]);
}

/** True when `sequence` occurs as consecutive runs. */
function hasRuns(runs: string[], sequence: string[]): boolean {
  return runs.some((_, i) => sequence.every((word, j) => runs[i + j] === word));
}

/** Chromium draws an Arabic line word by word from left to right: the words in visual order. */
function visualWords(arabic: string): string[] {
  return arabic.split(' ').reverse();
}

afterAll(() => closeBrowser());

describe('PDF in Arabic', () => {
  const report = sampleReport(200);
  let pdf: Buffer;
  let doc: PDFDocumentProxy;
  let runs: string[][];
  beforeAll(async () => {
    pdf = await renderPdf(report, 'ar', { issuedAt: ISSUED_AT });
    doc = await openPdf(pdf);
    runs = pdfPageRuns(pdf);
  }, 60_000);

  it('spreads 200 rows over several pages, every page numbered "صفحة X من Y"', () => {
    expect(doc.numPages).toBeGreaterThan(1);
    expect(runs).toHaveLength(doc.numPages);
    runs.forEach((page, i) => {
      expect(hasRuns(page, visualWords(`صفحة ${i + 1} من ${doc.numPages}`))).toBe(true);
    });
  });

  it('repeats the level, the title, the Gregorian issue date and the column headers on every page', () => {
    for (const page of runs) {
      expect(hasRuns(page, visualWords(report.titleAr))).toBe(true);
      expect(hasRuns(page, visualWords('المندوبية الإقليمية للتعاون الوطني'))).toBe(true);
      expect(hasRuns(page, visualWords('بتاريخ 15 يونيو 2025'))).toBe(true);
      expect(hasRuns(page, visualWords('عدد المستفيدين'))).toBe(true);
    }
  });

  it('lays the table out right to left: the date column is right of the amount column', async () => {
    // Chromium paints cells in document order, so positions (not run order) show the direction.
    expect(await xOf(doc, '2024-01-10')).toBeGreaterThan(await xOf(doc, '1.234,50'));
  });

  it('keeps cell words, isolates Latin text, and escapes markup', () => {
    const first = runs[0] ?? [];
    expect(hasRuns(first, visualWords('جمعية الأمل'))).toBe(true);
    expect(hasRuns(first, visualWords('مركز التكوين 2'))).toBe(true);
    // The markup of the value is printed as text, not interpreted. Inside the Arabic-led value the
    // outer brackets take the right-to-left direction, so Chromium draws them as runs of their own.
    expect(hasRuns(first, ['<', 'b>Tiznit</b', '>'])).toBe(true);
  });

  it('prints amounts with Western digits in order, followed by the currency', async () => {
    const first = runs[0] ?? [];
    expect(hasRuns(first, ['درهم', '1.234,50'])).toBe(true); // visual: currency left of the amount
    expect(first).toContain('2024-01-10');
    expect(first).toContain('1.200');

    // pdf.js reads Latin digits intact. (Its Arabic is unusable here: glyphs in drawing order and
    // U+0000 for every dotted letter, as Noto Naskh draws the dots as separate glyphs; hence the
    // ActualText reader for words.)
    const text = await pdfjsPageText(doc, 1);
    expect(text).toContain('1.234,50');
    expect(text).toContain('2024-01-10');
    expect(text).not.toMatch(/[\u0660-\u0669]/); // no Arabic-Indic digits
  });

  it('declares the language and carries the title in its metadata', async () => {
    const { info } = await doc.getMetadata();
    expect(info).toMatchObject({ Title: report.titleAr, Language: 'ar' });
  });
});

describe('PDF in French', () => {
  const report = sampleReport(200);
  let doc: PDFDocumentProxy;
  beforeAll(async () => {
    doc = await openPdf(await renderPdf(report, 'fr', { issuedAt: ISSUED_AT }));
  }, 60_000);

  it('numbers every page "Page X sur Y" under the header with level, title and date', async () => {
    expect(doc.numPages).toBeGreaterThan(1);
    for (let page = 1; page <= doc.numPages; page += 1) {
      const text = await pdfjsPageText(doc, page);
      expect(text).toContain(`Page ${page} sur ${doc.numPages}`);
      expect(text).toContain(report.levelNameFr);
      expect(text).toContain(report.titleFr);
      expect(text).toContain('Édité le 15 juin 2025');
      expect(text).toContain('Bénéficiaires');
    }
  });

  it('lays the table out left to right', async () => {
    expect(await xOf(doc, '2024-01-10')).toBeLessThan(await xOf(doc, '1.234,50'));
  });

  it('prints amounts in the fr-MA format with MAD, percents, dates and escaped text', async () => {
    const text = await pdfjsPageText(doc, 1);
    expect(text).toContain('1.234,50 MAD');
    expect(text).toContain('25 %');
    expect(text).toContain('2024-01-10');
    expect(text).toContain('<b>Tiznit</b>');
  });
});

describe('PDF HTML', () => {
  it('sets language and direction, uses logical CSS only, and escapes every value', () => {
    const report = sampleReport(1);
    report.titleAr = '"><script>alert(1)</script>';
    const html = reportHtml(report, 'ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(reportHtml(report, 'fr')).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeHtml('<b>Tiznit</b>'));
    expect(html).not.toMatch(/(margin|padding|border)-(left|right)|text-align:\s*(left|right)|float:/);
    expect(html).toContain('<bdi dir="ltr">1.234,50</bdi> درهم');
  });
});

describe('XLSX', () => {
  const report = sampleReport(3);

  async function sheetOf(lang: 'ar' | 'fr'): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    const file = await renderXlsx(report, lang, { issuedAt: ISSUED_AT });
    // exceljs types its input as an ArrayBuffer; a copy gives one.
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    return sheet;
  }

  it('is right to left in Arabic, left to right in French, header frozen', async () => {
    for (const [lang, rtl] of [['ar', true], ['fr', false]] as const) {
      const [view] = (await sheetOf(lang)).views;
      expect(view).toMatchObject({ rightToLeft: rtl, state: 'frozen', ySplit: HEADER_ROW });
    }
  });

  it('has title, level and date above a bold header row in the sheet language, with an autofilter', async () => {
    const ar = await sheetOf('ar');
    expect(ar.getCell(1, 1).value).toBe(report.titleAr);
    expect(ar.getCell(2, 1).value).toBe(`${report.levelNameAr} — بتاريخ 15 يونيو 2025`);
    expect(ar.getRow(HEADER_ROW).values).toEqual([undefined, 'الاسم', 'تاريخ الافتتاح', 'عدد المستفيدين', 'الميزانية', 'نسبة الإنجاز']);
    expect(ar.getCell(HEADER_ROW, 1).font?.bold).toBe(true);
    expect(ar.autoFilter).toBe(`A${HEADER_ROW}:E${HEADER_ROW + 3}`);

    const fr = await sheetOf('fr');
    expect(fr.getRow(HEADER_ROW).values).toEqual([undefined, 'Nom', "Date d'ouverture", 'Bénéficiaires', 'Budget', 'Taux de réalisation']);
  });

  it('stores typed cells: real dates, numbers for amounts and percents, with their formats', async () => {
    const ar = await sheetOf('ar');
    const row = ar.getRow(HEADER_ROW + 1);
    expect(row.getCell(1).value).toBe('جمعية الأمل <b>Tiznit</b>');
    const date = row.getCell(2);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2024-01-10T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(3).value).toBe(1200);
    expect(row.getCell(4).value).toBe(1234.5);
    expect(row.getCell(4).numFmt).toBe('#,##0.00 "درهم"');
    expect(row.getCell(5).value).toBe(0.25);
    expect(row.getCell(5).numFmt).toBe('0.0%');

    const fr = await sheetOf('fr');
    expect(fr.getRow(HEADER_ROW + 1).getCell(4).numFmt).toBe('#,##0.00 "MAD"');
    for (let column = 1; column <= 5; column += 1) expect(fr.getColumn(column).width).toBeGreaterThanOrEqual(8);
  });
});

describe('values', () => {
  const money = { key: 'budget', headerAr: 'الميزانية', headerFr: 'Budget', type: 'money' } as const;
  const date = { key: 'd', headerAr: 'التاريخ', headerFr: 'Date', type: 'date' } as const;

  it('takes money only as a decimal string, and dates only as real YYYY-MM-DD days', () => {
    expect(toCell(money, '1234.50')).toEqual({ kind: 'money', decimal: '1234.50' });
    expect(toCell(money, null)).toEqual({ kind: 'empty' });
    expect(() => toCell(money, 1234.5)).toThrow(ReportValueError);
    expect(() => toCell(money, '1 234,50')).toThrow(ReportValueError);
    expect(toCell(date, '2024-02-29')).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(() => toCell(date, '2023-02-29')).toThrow(ReportValueError);
  });
});
