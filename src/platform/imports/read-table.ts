/**
 * Reads an uploaded table row by row, streaming: .xlsx through exceljs's streaming reader (first
 * worksheet), .csv through csv-parse (UTF-8, with or without BOM; comma or semicolon, as French
 * spreadsheet software writes). Every cell arrives as trimmed text; the targets' schemas parse it.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type FileType = 'xlsx' | 'csv';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function* xlsxRows(file: string): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of reader) {
    let expected = 1;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // Empty rows are skipped by the reader: keep row numbers true to the file.
      for (; expected < row.number; expected++) yield [];
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
      yield cells;
      expected = row.number + 1;
    }
    return; // first worksheet only
  }
}

async function detectDelimiter(file: string): Promise<string> {
  const stream = createReadStream(file, { start: 0, end: 4095, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

async function* csvRows(file: string): AsyncGenerator<string[]> {
  const parser = createReadStream(file).pipe(parse({ bom: true, delimiter: await detectDelimiter(file), relax_column_count: true, trim: true, skip_empty_lines: false }));
  for await (const record of parser) yield record as string[];
}

/** Every row, the header row first; row i (0-based) is row i + 1 of the file. */
export function readRows(file: string, type: FileType): AsyncGenerator<string[]> {
  return type === 'xlsx' ? xlsxRows(file) : csvRows(file);
}

/** The header row and the number of data rows (blank trailing rows not counted). */
export async function scanTable(file: string, type: FileType): Promise<{ headers: string[]; rowCount: number }> {
  let headers: string[] | undefined;
  let rowCount = 0;
  let pendingBlank = 0;
  for await (const row of readRows(file, type)) {
    if (!headers) {
      headers = row;
      continue;
    }
    if (row.every((c) => c === '')) pendingBlank++;
    else {
      rowCount += pendingBlank + 1;
      pendingBlank = 0;
    }
  }
  return { headers: headers ?? [], rowCount };
}
