/** Background jobs (pg-boss queue, progress, cancel), spreadsheet imports and job-produced reports. */
export { jobsModule } from './module.ts';
export { installJobQueue } from './queue.ts';
export { defineJobKind, type JobContext, type JobOutcome, type RowError } from './server/kinds.ts';
export { runJob } from './server/runner.ts';
