/** The audit platform service: hash-chained log written by database triggers, read by scope. */
export { auditModule } from './module.ts';
export { verifyAuditChain } from './verify.ts';
export { extendHistoryOwner, registerHistoryOwner, type HistoryOwner } from './server/history.ts';
