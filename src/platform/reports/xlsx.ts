/**
 * Spreadsheet rendering: typed cells (real dates and numbers, so users can sort, filter and sum
 * them), right-to-left sheet for Arabic, frozen header and an autofilter on the table.
 */
import ExcelJS from 'exceljs';
import type { Cell as SheetCell, Worksheet } from 'exceljs';
import { LANGS, cellText, formatIssueDate, formatters } from './format.ts';
import { localized, toCells, type Cell, type RenderOptions, type ReportLang, type TableReport } from './table-report.ts';

const TITLE_ROW = 1;
const LEVEL_ROW = 2;
/** The column headers; every row above it and it stay frozen while scrolling. */
export const HEADER_ROW = 3;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EBF3' } };
const DATE_FORMAT = 'yyyy-mm-dd';
const PERCENT_FORMAT = '0.0%';

/** The XLSX workbook of a report in one language, one sheet. */
export async function renderXlsx(report: TableReport, lang: ReportLang, options: RenderOptions = {}): Promise<Buffer> {
  const { title } = localized(report, lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Raaya';
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName(title), {
    views: [{ rightToLeft: lang === 'ar', state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: report.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  writeBanner(sheet, report, lang, options.issuedAt ?? new Date());
  writeHeader(sheet, report, lang);
  const cells = toCells(report);
  writeBody(sheet, cells, lang);
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + cells.length, column: report.columns.length },
  };
  setWidths(sheet, report, lang, cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Excel refuses sheet names longer than 31 characters or containing any of : \ / ? * [ ]
function sheetName(title: string): string {
  const cleaned = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim();
  return cleaned || 'Report';
}

function writeBanner(sheet: Worksheet, report: TableReport, lang: ReportLang, issuedAt: Date): void {
  const { title, levelName } = localized(report, lang);
  const last = report.columns.length;
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  const levelCell = sheet.getCell(LEVEL_ROW, 1);
  levelCell.value = `${levelName} — ${LANGS[lang].issuedOn} ${formatIssueDate(issuedAt, lang)}`;
  levelCell.font = { italic: true };
  if (last > 1) {
    sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
    sheet.mergeCells(LEVEL_ROW, 1, LEVEL_ROW, last);
  }
}

function writeHeader(sheet: Worksheet, report: TableReport, lang: ReportLang): void {
  const { headers } = localized(report, lang);
  const row = sheet.getRow(HEADER_ROW);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
}

function writeBody(sheet: Worksheet, cells: Cell[][], lang: ReportLang): void {
  cells.forEach((row, r) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + r);
    row.forEach((cell, c) => writeCell(sheetRow.getCell(c + 1), cell, lang));
  });
}

/** Decimal strings become numbers here and only here, at the spreadsheet's boundary. */
function writeCell(target: SheetCell, cell: Cell, lang: ReportLang): void {
  switch (cell.kind) {
    case 'empty':
      return;
    case 'text':
      // A string value is stored as text, never as a formula: "=..." from user data stays inert.
      target.value = cell.text;
      return;
    case 'number':
      target.value = toSheetNumber(cell.decimal);
      target.numFmt = numberFormat(cell.decimal);
      return;
    case 'money':
      target.value = toSheetNumber(cell.decimal);
      target.numFmt = `#,##0.00 "${LANGS[lang].currency}"`;
      return;
    case 'percent':
      target.value = toSheetNumber(cell.decimal);
      target.numFmt = PERCENT_FORMAT;
      return;
    case 'date':
      target.value = isoToDate(cell.iso);
      target.numFmt = DATE_FORMAT;
      return;
  }
}

// Excel keeps 15 significant digits; beyond that the stored amount would differ from the record.
const MAX_SIGNIFICANT_DIGITS = 15;

function toSheetNumber(decimal: string): number {
  const digits = decimal.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > MAX_SIGNIFICANT_DIGITS) {
    throw new RangeError(`${decimal} has more significant digits than a spreadsheet keeps`);
  }
  return Number(decimal);
}

/** Shows exactly the decimals the value has: 12 stays "12", 2.5 stays "2.5". */
function numberFormat(decimal: string): string {
  const fraction = decimal.split('.')[1] ?? '';
  return fraction ? `#,##0.${'0'.repeat(fraction.length)}` : '#,##0';
}

// Midnight UTC: exceljs converts a Date to Excel's serial day from its UTC time, so the day shown
// is the day recorded whatever the server's time zone.
function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Widths from the longest displayed text of each column (formatted as in the PDF). */
function setWidths(sheet: Worksheet, report: TableReport, lang: ReportLang, cells: Cell[][]): void {
  const { headers } = localized(report, lang);
  const f = formatters(lang);
  const currency = LANGS[lang].currency.length + 1;
  report.columns.forEach((column, c) => {
    const extra = column.type === 'money' ? currency : 0;
    const longest = cells.reduce((max, row) => {
      const cell = row[c];
      return cell ? Math.max(max, cellText(cell, f).length + extra) : max;
    }, headers[c]?.length ?? 0);
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}
