/** The forms platform service: versioned, scored forms; answers validated and scored on the server. */
export { formsModule } from './module.ts';
export { registerSubjectType, type SubjectType, type SubjectRecord, type ScopeKeys } from './server/subjects.ts';
export { scoreAnswers, validateAnswers, visibleQuestionIds } from './engine.ts';
export { seedDemoForms } from './db/demo.ts';
