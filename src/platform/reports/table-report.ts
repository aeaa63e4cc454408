/**
 * A tabular report, defined once by a module and rendered as PDF or XLSX in Arabic or French.
 * Values arrive as the database gives them: money and percent as exact decimal strings (never
 * floats in arithmetic), dates as 'YYYY-MM-DD'.
 */

export type ReportLang = 'ar' | 'fr';

export type ColumnType = 'text' | 'number' | 'date' | 'money' | 'percent';

export interface ReportColumn {
  key: string;
  headerAr: string;
  headerFr: string;
  type: ColumnType;
}

export type ReportValue = string | number | null;

export interface TableReport {
  titleAr: string;
  titleFr: string;
  /** The Entraide Nationale level producing the report, e.g. "المندوبية الإقليمية للتعاون الوطني - أكادير إداوتنان". */
  levelNameAr: string;
  levelNameFr: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
  /** Wide tables read better across the page; portrait when absent. */
  orientation?: 'portrait' | 'landscape';
}

export interface RenderOptions {
  /** The issue date printed on the report; now when absent (tests pass a fixed date). */
  issuedAt?: Date;
}

/** A cell after validation: what both renderers format, each in its own way. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; decimal: string }
  | { kind: 'money'; decimal: string }
  | { kind: 'percent'; decimal: string }
  | { kind: 'date'; iso: string };

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class ReportValueError extends Error {
  constructor(column: ReportColumn, value: ReportValue, expected: string) {
    super(`Report column "${column.key}" (${column.type}) expects ${expected}, got ${JSON.stringify(value)}`);
    this.name = 'ReportValueError';
  }
}

/** Validates one value against its column type; a wrong value is a programming error, so it throws. */
export function toCell(column: ReportColumn, value: ReportValue | undefined): Cell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  switch (column.type) {
    case 'text':
      return { kind: 'text', text: String(value) };
    case 'number':
      return { kind: 'number', decimal: numberDecimal(column, value) };
    case 'money':
    case 'percent':
      // A float here would already have lost the exact amount: only decimal strings are accepted.
      if (typeof value !== 'string' || !DECIMAL.test(value)) throw new ReportValueError(column, value, 'a decimal string such as "1234.50"');
      return { kind: column.type, decimal: value };
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) throw new ReportValueError(column, value, "a date 'YYYY-MM-DD'");
      return { kind: 'date', iso: value };
  }
}

function numberDecimal(column: ReportColumn, value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ReportValueError(column, value, 'a finite number');
    return String(value);
  }
  if (!DECIMAL.test(value)) throw new ReportValueError(column, value, 'a number or a decimal string');
  return value;
}

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Rejects '2024-02-30', which Date would silently roll over to March.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The rows as validated cells, in column order. */
export function toCells(report: TableReport): Cell[][] {
  return report.rows.map((row) => report.columns.map((column) => toCell(column, row[column.key])));
}

/** The texts of the report in one language. */
export function localized(report: TableReport, lang: ReportLang) {
  const ar = lang === 'ar';
  return {
    title: ar ? report.titleAr : report.titleFr,
    levelName: ar ? report.levelNameAr : report.levelNameFr,
    headers: report.columns.map((c) => (ar ? c.headerAr : c.headerFr)),
  };
}
