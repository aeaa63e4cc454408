/**
 * The import jobs. `import.validate` reads the uploaded file, parses every cell, finds duplicates
 * within the file and asks the target for its database rules: errors per row and column are kept
 * for the user, with a preview of the valid rows. `import.commit` does the same and writes the rows
 * as it goes in the job's single transaction, which commits only when no row has an error: all rows
 * or none.
 */
import path from 'node:path';
import { fieldErrorsFromIssues } from '../../server/problem.ts';
import { hasPermission } from '../../modules/access/permissions.ts';
import { defineJobKind, type JobContext, type JobOutcome, type RowError } from '../jobs/server/kinds.ts';
import type { Mapping } from '../jobs/contract.ts';
import { readRows, type FileType } from './read-table.ts';
import { importTarget, type ParsedRow } from './target.ts';

/** Beyond this many errors the file is clearly the wrong one: the user sees the first ones and the count. */
export const MAX_KEPT_ERRORS = 5000;
const PROGRESS_EVERY = 2000;
/** Rows checked against the database, and written, together. */
const BATCH = 1000;
const PREVIEW_ROWS = 20;

interface ImportParams {
  uploadId: string;
  mapping: Mapping;
}

async function runImport(job: JobContext, commit: boolean): Promise<JobOutcome> {
  const params = job.params as unknown as ImportParams;
  const upload = await job.tx
    .selectFrom('jobs.uploads')
    .select(['target', 'file_path', 'file_type', 'headers', 'row_count'])
    .where('id', '=', params.uploadId)
    .executeTakeFirst();
  if (!upload) return { ok: false, errorKey: 'imports.errors.upload_missing' };
  const target = importTarget(upload.target);
  if (!target || !hasPermission(job.user.role, target.permission)) return { ok: false, errorKey: 'jobs.errors.forbidden' };
  const headers = upload.headers as string[];
  const columns = target.fields.map((field) => ({ field, index: params.mapping[field.key] ? headers.indexOf(params.mapping[field.key]!) : -1 }));
  if (columns.some((c) => c.field.required && c.index < 0)) return { ok: false, errorKey: 'imports.errors.required_unmapped' };

  const total = upload.row_count;
  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
  };
  const invalidRows = new Set<number>();
  const seen = new Map<string, number>();
  const preview: Record<string, unknown>[] = [];
  let batch: ParsedRow[] = [];
  let validCount = 0;
  let written = 0;
  // Rows are checked and, when committing, written batch by batch as the file streams by: memory
  // stays bounded, and the file is read once. The first error stops the writing (the transaction
  // will be rolled back) but not the checking, so the user gets every error of the file at once.
  const flush = async () => {
    if (batch.length === 0) return;
    const found = await target.check(job.tx, job.user, batch);
    for (const e of found) {
      addError(e);
      invalidRows.add(e.row);
    }
    const good = batch.filter((r) => !invalidRows.has(r.row));
    validCount += good.length;
    if (!commit && preview.length < PREVIEW_ROWS) preview.push(...good.slice(0, PREVIEW_ROWS - preview.length).map((r) => ({ row: r.row, ...r.values })));
    if (commit && errorCount === 0) {
      await target.insert(job.tx, job.user, good);
      written += good.length;
    }
    batch = [];
  };

  let rowNumber = 0;
  let done = 0;
  await job.progress(0, total);
  for await (const cells of readRows(path.join(job.dataDir, upload.file_path), upload.file_type as FileType)) {
    rowNumber++;
    if (rowNumber === 1 || cells.every((c) => c === '')) continue;
    const values: Record<string, unknown> = {};
    let rowOk = true;
    for (const { field, index } of columns) {
      const cell = index >= 0 ? (cells[index] ?? '') : '';
      const parsed = field.schema.safeParse(cell);
      if (parsed.success) values[field.key] = parsed.data;
      else {
        rowOk = false;
        for (const issue of fieldErrorsFromIssues(parsed.error.issues as Parameters<typeof fieldErrorsFromIssues>[0])) {
          addError({ row: rowNumber, field: field.key, key: issue.key, ...(issue.params && { params: issue.params }), value: cell.slice(0, 200) });
        }
      }
    }
    const unique = values[target.uniqueKey];
    if (rowOk && typeof unique === 'string') {
      const first = seen.get(unique);
      if (first !== undefined) {
        rowOk = false;
        addError({ row: rowNumber, field: target.uniqueKey, key: 'imports.errors.duplicate_in_file', params: { row: first }, value: unique });
      } else seen.set(unique, rowNumber);
    }
    if (rowOk) batch.push({ row: rowNumber, values });
    else invalidRows.add(rowNumber);
    done++;
    if (batch.length >= BATCH) await flush();
    if (done % PROGRESS_EVERY === 0) await job.progress(Math.min(done, total), total);
  }
  await flush();
  await job.progress(total, total);
  errors.sort((a, b) => a.row - b.row || 0);
  const summary = { rowCount: done, errorCount, invalidRowCount: invalidRows.size, validRowCount: validCount };
  if (!commit) return { ok: true, result: { ...summary, preview }, errors };
  if (errorCount > 0) return { ok: false, errorKey: 'imports.errors.rows_invalid', errors, result: summary };
  return { ok: true, result: { ...summary, written } };
}

defineJobKind('import.validate', (job) => runImport(job, false));
defineJobKind('import.commit', (job) => runImport(job, true));
