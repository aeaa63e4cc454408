/** Stable hooks for browser tests (data-testid), route paths and technical values of the audits screens. */
export const tid = {
  navJustifications: 'nav-justifications',
  navAudits: 'nav-audits',
  tranchesTable: 'justify-tranches-table',
  startJustification: (trancheId: string) => `justify-start-${trancheId}`,
  openJustification: (trancheId: string) => `justify-open-${trancheId}`,
  justificationsTable: 'justifications-table',
  justificationsState: 'justifications-state',
  justificationState: 'justification-state',
  figures: 'justification-figures',
  linesTable: 'justification-lines',
  candidatesTable: 'justification-candidates',
  entryPick: (entryId: string) => `justification-entry-${entryId}`,
  removeLine: (lineId: string) => `justification-remove-${lineId}`,
  statementForm: 'justification-statement-form',
  statementInstitution: 'justification-statement-institution',
  statementDocument: 'justification-statement-document',
  statementDate: 'justification-statement-date',
  statementDescription: 'justification-statement-description',
  statementAmount: 'justification-statement-amount',
  statementAdd: 'justification-statement-add',
  submit: 'justification-submit',
  reviewDecision: 'justification-review-decision',
  reviewAmount: 'justification-review-amount',
  reviewReason: 'justification-review-reason',
  reviewSave: 'justification-review-save',
  missionsTable: 'missions-table',
  missionsStatus: 'missions-status',
  missionCreate: 'mission-create',
  missionAssociation: 'mission-association',
  missionConvention: 'mission-convention',
  missionKind: 'mission-kind',
  missionStarts: 'mission-starts',
  missionEnds: 'mission-ends',
  missionTeamName: (i: number) => `mission-team-name-${i}`,
  missionTeamRole: (i: number) => `mission-team-role-${i}`,
  missionTeamAdd: 'mission-team-add',
  missionSave: 'mission-save',
  missionStatus: 'mission-status',
  missionAdvance: 'mission-advance',
  missionSummary: 'mission-summary',
  findingSeverity: 'finding-severity',
  findingDescription: 'finding-description',
  findingAmount: 'finding-amount',
  findingAdd: 'finding-add',
  finding: (id: string) => `finding-${id}`,
  findingClose: (id: string) => `finding-close-${id}`,
  recommendationText: (findingId: string) => `recommendation-text-${findingId}`,
  recommendationDue: (findingId: string) => `recommendation-due-${findingId}`,
  recommendationAdd: (findingId: string) => `recommendation-add-${findingId}`,
  recommendation: (id: string) => `recommendation-${id}`,
  recommendationStatus: (id: string) => `recommendation-status-${id}`,
  recommendationFollowUp: (id: string) => `recommendation-follow-up-${id}`,
  recommendationSave: (id: string) => `recommendation-save-${id}`,
} as const;

export const path = {
  justifications: '/subsidies/justifications',
  justification: '/subsidies/justifications/$justificationId',
  audits: '/subsidies/audits',
  mission: '/subsidies/audits/$missionId',
} as const;

export const look = { date: 'date', decimal: 'decimal', closedBg: 'gray.0', grow: { flex: 1 }, preWrap: { whiteSpace: 'pre-wrap' } } as const;
export const ownerType = { justification: 'subsidy_justification', mission: 'subsidy_audit_mission' } as const;

// Filled badges with autoContrast: dark shades take white text, orange and yellow take black (4.5:1 either way).
export const stateColor = { draft: 'gray.7', submitted: 'blue.9', justified: 'teal.9', partly_justified: 'orange.6', rejected: 'red.9' } as const;
export const severityColor = { low: 'gray.7', medium: 'yellow.6', high: 'orange.6', critical: 'red.9' } as const;
export const missionColor = { planned: 'gray.7', in_progress: 'blue.9', reported: 'orange.6', closed: 'teal.9' } as const;
export const tone = { danger: 'red.9', warning: 'orange.6', done: 'teal.9', neutral: 'gray.7' } as const;
/** The next step of a mission, for its one "advance" button. */
export const nextMissionStatus = { planned: 'in_progress', in_progress: 'reported', reported: 'closed', closed: null } as const;

/** Field names of the forms, as the server names them in its field errors. */
export const fld = {
  financeEntryId: 'financeEntryId', spentOn: 'spentOn', amountMad: 'amountMad', description: 'description', acceptedMad: 'acceptedMad', reason: 'reason',
  associationId: 'associationId', startsOn: 'startsOn', endsOn: 'endsOn', team: 'team', text: 'text', followUp: 'followUp', amountInQuestionMad: 'amountInQuestionMad',
} as const;
