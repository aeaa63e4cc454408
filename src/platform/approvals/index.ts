/** The approval workflow platform service (decision 0007): chains per document type, the database lock, the inbox. */
export { approvalsModule } from './module.ts';
export { defineDocumentType, documentType, documentTypes, type DocumentType, type ApprovalLevel, type ApprovalAction } from './document-types.ts';
export { findSubmission, openSubmission, type OpenSubmission } from './server/service.ts';
export { onTransition, type Transition } from './server/transitions.ts';
