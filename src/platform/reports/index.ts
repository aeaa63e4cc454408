/** The platform's report mechanism: one table definition, printed as PDF or XLSX in Arabic or French. */
export type { ColumnType, RenderOptions, ReportColumn, ReportLang, ReportValue, TableReport } from './table-report.ts';
export { ReportValueError } from './table-report.ts';
export { renderPdf } from './pdf.ts';
export { renderXlsx } from './xlsx.ts';
export { closeBrowser, launchBrowser } from './browser.ts';
