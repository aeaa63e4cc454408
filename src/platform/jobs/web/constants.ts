/** Stable hooks for browser tests (data-testid), route paths and attribute values of the jobs screens. */
export const tid = {
  jobsTable: 'jobs-table',
  jobState: 'job-state',
  jobProgress: 'job-progress',
  jobCancel: 'job-cancel',
  jobCancelConfirm: 'job-cancel-confirm',
  jobDownload: 'job-download',
  jobErrors: 'job-errors',
  jobErrorsXlsx: 'job-errors-xlsx',
  jobPreview: 'job-preview',
  importButton: 'import-users',
  importFile: 'import-file',
  importSend: 'import-send',
  importValidate: 'import-validate',
  importCommit: 'import-commit',
  importChangeMapping: 'import-change-mapping',
  importResult: 'import-result',
  mappingField: (key: string) => `mapping-${key}`,
  reportButton: 'report-button',
  reportLanguage: 'report-language',
  reportFormat: 'report-format',
  reportSubmit: 'report-submit',
  reportQueued: 'report-queued',
} as const;

export const path = {
  jobs: '/jobs',
  jobsJobId: '/jobs/$jobId',
  importUsers: '/imports/users',
  users: '/users',
} as const;

export const attr = {
  accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv',
  file: 'file',
  none: '',
  value: 'value',
  languageLabel: 'report-language-label',
  formatLabel: 'report-format-label',
  validate: 'validate',
  commit: 'commit',
} as const;

export const stateColor = { queued: 'gray.7', running: 'blue.8', succeeded: 'green.8', failed: 'red.8', cancelled: 'orange.9' } as const;

/** How often the pages refresh a job that has not ended. */
export const POLL_MS = 1000;
