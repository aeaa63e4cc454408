/** Stable hooks for browser tests (data-testid) and paths of the privacy screens. */
export const path = {
  person: '/beneficiaries/persons/$personId/privacy',
  retention: '/beneficiaries/privacy/retention',
} as const;

export const personPrivacyHref = (personId: string) => `/app/beneficiaries/persons/${encodeURIComponent(personId)}/privacy`;

export const tid = {
  page: 'privacy-page',
  consents: 'privacy-consents',
  consentAdd: 'privacy-consent-add',
  consentForm: 'privacy-consent-form',
  consentField: (name: string) => `privacy-consent-${name}`,
  consentSave: 'privacy-consent-save',
  consentWithdraw: (i: number) => `privacy-consent-withdraw-${i}`,
  withdrawForm: 'privacy-withdraw-form',
  withdrawSave: 'privacy-withdraw-save',
  sensitive: 'privacy-sensitive',
  sensitiveKind: (kind: string) => `privacy-sensitive-${kind}`,
  sensitiveAdd: (kind: string) => `privacy-sensitive-add-${kind}`,
  sensitiveForm: 'privacy-sensitive-form',
  sensitiveField: (name: string) => `privacy-sensitive-field-${name}`,
  sensitiveSave: 'privacy-sensitive-save',
  sensitiveDelete: (kind: string, i: number) => `privacy-sensitive-delete-${kind}-${i}`,
  sensitiveConfirm: 'privacy-sensitive-confirm',
  accessLog: 'privacy-access-log',
  accessFilter: 'privacy-access-filter',
  exportJson: 'privacy-export-json',
  exportPdf: (lang: string) => `privacy-export-pdf-${lang}`,
  history: 'privacy-history',
  navRetention: 'nav-privacy-retention',
  retentionRules: 'privacy-retention-rules',
  retentionFilter: 'privacy-retention-filter',
  retentionTable: 'privacy-retention-table',
  retentionReview: (i: number) => `privacy-retention-review-${i}`,
  reviewForm: 'privacy-review-form',
  reviewField: (name: string) => `privacy-review-${name}`,
  reviewSave: 'privacy-review-save',
} as const;

/** Form field names (react-hook-form paths and test ids). */
export const fld = {
  basis: 'basis',
  purpose: 'purpose',
  purposeDetails: 'purposeDetails',
  givenBy: 'givenBy',
  givenByName: 'givenByName',
  givenOn: 'givenOn',
  withdrawnOn: 'withdrawnOn',
  reason: 'reason',
  decision: 'decision',
  keepUntil: 'keepUntil',
  details: 'details',
} as const;

/** Technical prop values of these screens. */
export const val = {
  date: 'date',
  submit: 'submit',
  button: 'button',
  download: 'download',
  textarea: 'textarea',
  pdf: 'pdf',
  // A shade dark enough for text on the light badge background (WCAG AA contrast).
  greenDark: 'green.9',
  json: 'json',
  person: 'person',
  new: 'new',
  textareaKind: 'textarea',
  delete: 'delete',
  ltr: 'raaya-ltr',
} as const;
