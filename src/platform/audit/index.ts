/** The audit platform service: hash-chained log written by database triggers, read by scope. */
export { auditModule } from './module.ts';
export { verifyAuditChain } from './verify.ts';
