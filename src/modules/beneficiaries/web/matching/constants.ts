/** Stable hooks for browser tests (data-testid), paths, query keys and technical values of the matching screens. */
export const tid = {
  panel: 'match-panel',
  candidate: (personId: string) => `match-candidate-${personId}`,
  use: (personId: string) => `match-use-${personId}`,
  ask: (personId: string) => `match-ask-${personId}`,
  askKind: 'match-ask-kind',
  askReason: 'match-ask-reason',
  askSend: 'match-ask-send',
  asked: 'match-asked',
  propose: (personId: string) => `match-propose-${personId}`,
  proposeReason: 'match-propose-reason',
  proposeSend: 'match-propose-send',
  proposed: 'match-proposed',
  checkForm: 'match-check-form',
  field: (name: string) => `match-field-${name}`,
  checkSubmit: 'match-check-submit',
  navCheck: 'nav-match-check',
  navMerges: 'nav-merges',
  navAccess: 'nav-access-requests',
  mergesTable: 'merges-table',
  mergesStatus: 'merges-status',
  mergeAction: (id: string, action: string) => `merge-${action}-${id}`,
  mergeConfirm: 'merge-confirm',
  accessTable: 'access-table',
  accessDirection: 'access-direction',
  accessStatus: 'access-status',
  accessAction: (id: string, action: string) => `access-${action}-${id}`,
  note: 'decision-note',
} as const;

export const path = {
  check: '/beneficiaries/duplicate-check',
  merges: '/beneficiaries/merges',
  access: '/beneficiaries/access-requests',
} as const;

export const matchKey = (input: unknown) => ['beneficiaries', 'match', input] as const;
export const mergesKey = ['beneficiaries', 'merges'] as const;
export const accessKey = ['beneficiaries', 'access-requests'] as const;

export const look = { green9: '#1b5e20', orange9: '#9c3a00', red9: 'red.9', gray7: 'gray.7', blue9: 'blue.9' } as const;
export const dateInput = 'date';
export const submitType = 'submit';
export const kinds = ['access', 'transfer'] as const;
export const directions = ['incoming', 'outgoing'] as const;
export const decisions = ['grant', 'refuse'] as const;
export const sexes = ['male', 'female'] as const;
export const BIRTH_DATE = 'birthDate';
export const SEX = 'sex';
export const ACCESS = 'access';
