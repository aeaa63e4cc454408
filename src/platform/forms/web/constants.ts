/** Stable hooks for browser tests (data-testid), route paths and element ids of the forms screens. */
export const tid = {
  addChoice: 'add-choice',
  addQuestion: 'add-question',
  addSection: 'add-section',
  answerForm: 'answer-form',
  confirmPublish: 'confirm-publish',
  createForm: 'create-form',
  designer: 'form-designer',
  detailsSave: 'form-details-save',
  designerSave: 'designer-save',
  designerSaved: 'designer-saved',
  filler: 'form-filler',
  formCode: 'form-code',
  formPurpose: 'form-purpose',
  formSubmit: 'form-submit',
  formTitleAr: 'form-title-ar',
  formTitleFr: 'form-title-fr',
  formsPurpose: 'forms-purpose',
  formsSearch: 'forms-search',
  formsTable: 'forms-table',
  newVersion: 'new-version',
  openDraft: 'open-draft',
  preview: 'form-preview',
  publish: 'publish-version',
  responseSaveDraft: 'response-save-draft',
  responseSaved: 'response-saved',
  responseSubmit: 'response-submit',
  responseView: 'response-view',
  responsesDelegation: 'responses-delegation',
  responsesForm: 'responses-form',
  responsesStatus: 'responses-status',
  responsesTable: 'responses-table',
  scoreTotal: 'score-total',
  scores: 'scores',
  startResponse: 'start-response',
  subjectPicker: 'subject-picker',
  versionStatus: 'version-status',
} as const;

export const path = {
  forms: '/forms',
  formsNew: '/forms/new',
  version: '/forms/versions/$versionId',
  versionAnswer: '/forms/versions/$versionId/answer',
  responses: '/form-responses',
  response: '/form-responses/$responseId',
} as const;

export const dom = {
  detailsTitle: 'form-details-title',
  previewTitle: 'form-preview-title',
  scoresTitle: 'form-scores-title',
  versionsTitle: 'form-versions-title',
} as const;

/** Question types offered in the designer, in the order of the menu. */
export const SCALE_DEFAULT = { min: 1, max: 5 } as const;

/** Non-text attribute values used in JSX (ids, field names, radio values). */
export const names = {
  preview: 'preview',
  previewScores: 'form-preview-scores',
  view: 'view',
  fill: 'fill',
  tryOut: 'try',
  yes: 'yes',
  no: 'no',
  errorText: 'red.9',
  purpose: 'purpose',
  institutionCategories: 'institutionCategories',
  targetGroups: 'targetGroups',
} as const;
