/**
 * Reports requested from the app: a module declares a report (its permission and how to build its
 * table as the requesting user, under row-level security); the `report` job renders it as PDF or
 * XLSX in the chosen language and keeps the file under RAAYA_DATA_DIR/exports for its requester.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Permission } from '../../modules/access/permissions.ts';
import type { CurrentUser, Tx } from '../../server/context.ts';
import { defineJobKind } from '../jobs/server/kinds.ts';
import { hasPermission } from '../../modules/access/permissions.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';
import type { ReportLang, TableReport } from './table-report.ts';

export interface ReportDefinition {
  name: string;
  permission: Permission;
  /** File name without extension, per language. */
  fileNameAr: string;
  fileNameFr: string;
  build(tx: Tx, user: CurrentUser, lang: ReportLang, progress: (done: number, total: number | null) => Promise<void>): Promise<TableReport>;
}

const reports = new Map<string, ReportDefinition>();
export const defineReport = (report: ReportDefinition) => void reports.set(report.name, report);
export const reportDefinition = (name: string) => reports.get(name);

export const REPORT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

defineJobKind('report', async (job) => {
  const { report: name, language, format } = job.params as { report: string; language: ReportLang; format: 'pdf' | 'xlsx' };
  const report = reportDefinition(name);
  if (!report || !hasPermission(job.user.role, report.permission)) return { ok: false, errorKey: 'jobs.errors.forbidden' };
  const table = await report.build(job.tx, job.user, language, job.progress);
  const file = format === 'pdf' ? await renderPdf(table, language) : await renderXlsx(table, language);
  const relative = path.join('exports', `${job.jobId}.${format}`);
  await mkdir(path.join(job.dataDir, 'exports'), { recursive: true });
  await writeFile(path.join(job.dataDir, relative), file, { mode: 0o600 });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    ok: true,
    result: { rows: table.rows.length, bytes: file.length },
    file: { path: relative, name: `${language === 'ar' ? report.fileNameAr : report.fileNameFr}-${stamp}.${format}`, type: REPORT_TYPES[format] },
  };
});
