/** Stable hooks for browser tests (data-testid), query keys and technical values of the documents panel. */
export const tid = {
  panel: 'documents-panel',
  add: 'documents-add',
  form: 'documents-form',
  category: 'documents-category',
  title: 'documents-title',
  expiresOn: 'documents-expires-on',
  file: 'documents-file',
  submit: 'documents-submit',
  table: 'documents-table',
  row: 'documents-row',
  download: 'documents-download',
  history: 'documents-history',
  versions: 'documents-versions',
  newVersion: 'documents-new-version',
  versionForm: 'documents-version-form',
  saved: 'documents-saved',
} as const;

export const documentsKey = ['documents'] as const;
export const dateInput = 'date';
/** The file picker offers these; the server decides from the bytes anyway. */
export const acceptedFiles = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.odt,.ods,application/pdf,image/jpeg,image/png,image/webp';
/** Expiry within this many days shows as "expires soon" (the first reminder). */
export const SOON_DAYS = 30;
export const contentUrl = (id: string, version: number) => `/api/documents/${id}/versions/${version}/content`;
/** Colours dark enough for white text (contrast above 4.5:1) and other technical prop values. */
export const look = { red9: 'red.9', orange9: '#9c3a00', gray0: 'gray.0', auto: 'auto' } as const;
export const panes = { history: 'history', version: 'version' } as const;
