/**
 * Job kinds: each module declares what a kind of job does. The handler runs inside ONE transaction
 * opened as the job's creator (row-level security applies); it commits when the handler returns a
 * success, and rolls back on failure, on row errors, or on cancellation.
 */
import type { CurrentUser, Tx } from '../../../server/context.ts';

export interface RowError {
  /** Row number in the file, 1 being the header row (so the first data row is 2, as a spreadsheet shows it). */
  row: number;
  /** The field key (import target's), or '' for the whole row. */
  field: string;
  /** Catalog key of the message. */
  key: string;
  params?: Record<string, unknown>;
  value?: string;
}

export interface JobContext {
  jobId: string;
  tx: Tx;
  user: CurrentUser;
  params: Record<string, unknown>;
  dataDir: string;
  /** Records progress in a separate short transaction; throws JobCancelled when the user cancelled. */
  progress(done: number, total: number | null): Promise<void>;
}

export type JobOutcome =
  | { ok: true; result?: Record<string, unknown>; file?: { path: string; name: string; type: string }; errors?: RowError[] }
  /** Nothing is written: the transaction is rolled back and the errors are kept for the user. */
  | { ok: false; errorKey: string; errors?: RowError[]; result?: Record<string, unknown> };

export type JobHandler = (job: JobContext) => Promise<JobOutcome>;

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
  }
}

const handlers = new Map<string, JobHandler>();

export function defineJobKind(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export const jobHandler = (kind: string): JobHandler | undefined => handlers.get(kind);
