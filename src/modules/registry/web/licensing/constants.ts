/** Stable hooks for browser tests (data-testid), paths and technical values of the licensing screens. */
export const tid = {
  tab: 'licensing-tab',
  status: 'licensing-status',
  stage: 'licensing-stage',
  licence: 'licensing-licence',
  clock: 'licensing-clock',
  warning: 'licensing-warning',
  timeline: 'licensing-timeline',
  step: (kind: string) => `licensing-step-${kind}`,
  form: 'licensing-form',
  action: 'licensing-action',
  field: (name: string) => `licensing-field-${name}`,
  submit: 'licensing-submit',
  saved: 'licensing-saved',
  checklist: 'licensing-checklist',
  progress: 'licensing-progress',
  item: (code: string) => `licensing-item-${code}`,
  attach: (code: string) => `licensing-attach-${code}`,
  upload: 'licensing-upload',
  licencePdf: 'licensing-licence-pdf',
  extractPdf: 'licensing-extract-pdf',
  navDue: 'nav-licensing-due',
  dueTable: 'licensing-due-table',
  dueStage: 'licensing-due-stage',
  dueFilter: 'licensing-due-filter',
  dueDelegation: 'licensing-due-delegation',
} as const;

export const path = {
  due: '/registry/licensing',
  file: '/registry/licensing/$institutionId',
} as const;

export const licensingKey = (id: string) => ['registry', 'licensing', id] as const;
export const dueKey = ['registry', 'licensing-due'] as const;

/** Under this many days left, the current step shows a warning (the deadlines' reminder too). */
export const WARNING_DAYS = 7;

export const pdfUrl = (id: string, which: 'licence' | 'extract', lang: string) => `/api/institutions/${id}/${which}.pdf?lang=${lang === 'fr' ? 'fr' : 'ar'}`;

export const dateInput = 'date';
export const submitType = 'submit';
export const look = { red9: 'red.9', orange9: '#9c3a00', green9: '#1b5e20', gray7: 'gray.7', preWrap: { whiteSpace: 'pre-wrap' } } as const;
export const acceptedFiles = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,.odt,.ods,application/pdf,image/jpeg,image/png,image/webp';
export const fld = {
  occurredOn: 'occurredOn',
  opinion: 'opinion',
  licenceNumber: 'licenceNumber',
  licenceDate: 'licenceDate',
  reasons: 'reasons',
  note: 'note',
  changeOn: 'changeOn',
  changeSubject: 'changeSubject',
  changeId: 'changeId',
  outcome: 'outcome',
  regulariseBy: 'regulariseBy',
  item: 'item',
} as const;
