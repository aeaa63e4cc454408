/** Stable hooks for browser tests (data-testid), route paths and element ids of the pathway screens. */
export const tid = {
  navCases: 'nav-cases',
  navCaseload: 'nav-caseload',
  navReferrals: 'nav-referrals',
  personCases: 'person-cases',
  casesTable: 'cases-table',
  casesStage: 'cases-stage',
  casesTargetGroup: 'cases-target-group',
  casesMine: 'cases-mine',
  caseStage: 'case-stage',
  timeline: 'case-timeline',
  timelineItem: (kind: string) => `timeline-${kind}`,
  action: (name: string) => `case-action-${name}`,
  submit: (name: string) => `case-submit-${name}`,
  field: (name: string) => `case-field-${name}`,
  f: {
    closeReason: 'case-field-close-reason',
    declineReason: 'case-field-decline-reason',
    diagnosisFiller: 'case-field-diagnosis-filler',
    diagnosisForm: 'case-field-diagnosis-form',
    followUpDate: 'case-field-follow-up-date',
    followUpNote: 'case-field-follow-up-note',
    followUpOutcome: 'case-field-follow-up-outcome',
    noteBody: 'case-field-note-body',
    noteDate: 'case-field-note-date',
    noteKind: 'case-field-note-kind',
    planEnds: 'case-field-plan-ends',
    planGoals: 'case-field-plan-goals',
    planResponsible: 'case-field-plan-responsible',
    planStarts: 'case-field-plan-starts',
    planTitle: 'case-field-plan-title',
    referralInstitution: 'case-field-referral-institution',
    referralNote: 'case-field-referral-note',
    referralOutside: 'case-field-referral-outside',
    referralService: 'case-field-referral-service',
    stage: 'case-field-stage',
    targetGroup: 'case-field-target-group',
  },
  s: {
    decline: 'case-submit-decline',
    diagnosis: 'case-submit-diagnosis',
    followUp: 'case-submit-follow-up',
    note: 'case-submit-note',
    plan: 'case-submit-plan',
    referral: 'case-submit-referral',
  },
  a: {
    take: 'case-action-take',
    addPlanAction: 'case-action-add-plan-action',
    close: 'case-action-close',
    diagnose: 'case-action-diagnose',
    note: 'case-action-note',
    plan: 'case-action-plan',
    refer: 'case-action-refer',
    settings: 'case-action-settings',
  },
  occupancy: 'referral-occupancy',
  referralsTable: 'referrals-table',
  referralsDirection: 'referrals-direction',
  referralsState: 'referrals-state',
  referralAction: (action: string, id: string) => `referral-${action}-${id}`,
  planCard: (id: string) => `plan-${id}`,
  followUpRecord: (id: string) => `follow-up-record-${id}`,
  caseloadCases: 'caseload-cases',
  caseloadRequests: 'caseload-requests',
  caseloadFollowUps: 'caseload-follow-ups',
} as const;

export const path = {
  cases: '/beneficiaries/cases',
  case: '/beneficiaries/cases/$caseId',
  referrals: '/beneficiaries/referrals',
  caseload: '/beneficiaries/caseload',
  institution: '/registry/institutions/$institutionId',
} as const;

export const dom = {
  timelineTitle: 'case-timeline-title',
  actionsTitle: 'case-actions-title',
  requestsTitle: 'caseload-requests-title',
  casesTitle: 'caseload-cases-title',
  followUpsTitle: 'caseload-follow-ups-title',
} as const;

/** Field names and values used in JSX (registered fields, option values). */
export const fld = {
  kind: 'kind',
  notedOn: 'notedOn',
  body: 'body',
  title: 'title',
  goals: 'goals',
  responsibleName: 'responsibleName',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  reason: 'reason',
  incoming: 'incoming',
  outgoing: 'outgoing',
  me: 'me',
} as const;

export const look = { preWrap: { whiteSpace: 'pre-wrap' } } as const;

/** The case file's actions (dialogs and referral actions). */
export const act = { diagnose: 'diagnose', refer: 'refer', plan: 'plan', note: 'note', settings: 'settings', close: 'close', decline: 'decline', register: 'register' } as const;

export const perm = { case: 'beneficiaries.case' } as const;
