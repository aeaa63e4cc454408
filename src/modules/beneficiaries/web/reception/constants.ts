/** Stable hooks for browser tests (data-testid), route paths and storage keys of the reception screens. */
export const tid = {
  navForm: 'nav-reception',
  navQueue: 'nav-reception-queue',
  stepper: 'reception-stepper',
  existing: 'reception-existing',
  newPerson: 'reception-new-person',
  next: 'reception-next',
  back: 'reception-back',
  acknowledge: 'reception-acknowledge',
  channel: 'reception-channel',
  point: 'reception-point',
  requester: 'reception-requester',
  requesterName: 'reception-requester-name',
  requesterPhone: 'reception-requester-phone',
  needs: 'reception-needs',
  services: 'reception-services',
  urgency: 'reception-urgency',
  summary: 'reception-summary',
  notes: 'reception-notes',
  consent: 'reception-consent',
  send: 'reception-send',
  sent: 'reception-sent',
  discard: 'reception-discard',
  queueTable: 'queue-table',
  queueKind: 'queue-kind',
  queueStatus: 'queue-status',
  queueMine: 'queue-mine',
  queueUrgency: 'queue-urgency',
  queueRow: (id: string) => `queue-row-${id}`,
  handle: (id: string) => `queue-handle-${id}`,
  assignee: 'request-assignee',
  assign: 'request-assign',
  openCase: 'request-open-case',
  closeReason: 'request-close-reason',
  close: 'request-close',
  caseOpened: 'request-case-opened',
} as const;

export const path = {
  form: '/beneficiaries/reception',
  queue: '/beneficiaries/reception/queue',
  person: (id: string) => `/beneficiaries/persons/${id}`,
} as const;

/** The reception form's draft stays in this browser until the request is sent (a cheap phone may lose the page). */
export const DRAFT_KEY = 'raaya.beneficiaries.reception.draft';
