/** API contract of background jobs, imports and job-produced reports. */
import { z } from 'zod';
import { Language, PageQuery, Uuid, pageOf } from '../contract/common.ts';

export const JobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const Job = z.object({
  id: Uuid,
  kind: z.string(),
  state: JobState,
  cancelRequested: z.boolean(),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  resultName: z.string().nullable(),
  hasFile: z.boolean(),
  result: z.record(z.string(), z.unknown()).nullable(),
  /** The failure, in the user's language. */
  error: z.string().nullable(),
  errorCount: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
export const JobPage = pageOf(Job);
export const JobListQuery = PageQuery;

export const RowErrorItem = z.object({
  seq: z.number().int(),
  row: z.number().int(),
  field: z.string(),
  /** The column's label in the user's language. */
  column: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export const RowErrorPage = pageOf(RowErrorItem);
export const RowErrorQuery = PageQuery;

export const ImportField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
/** { field key: header text of the file } */
export const Mapping = z.record(z.string().max(60), z.string().max(200));
export type Mapping = z.infer<typeof Mapping>;

export const Upload = z.object({
  id: Uuid,
  target: z.string(),
  fileName: z.string(),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  fields: z.array(ImportField),
  /** The user's last mapping for this target where its headers exist in this file, else a suggestion by header name. */
  mapping: Mapping,
  remembered: z.boolean(),
});
export type Upload = z.infer<typeof Upload>;

export const ImportRunBody = z.strictObject({ mapping: Mapping });
export type ImportRunBody = z.infer<typeof ImportRunBody>;

export const ReportFormat = z.enum(['pdf', 'xlsx']);
export const ReportRequestBody = z.strictObject({ language: Language, format: ReportFormat });
export type ReportRequestBody = z.infer<typeof ReportRequestBody>;
