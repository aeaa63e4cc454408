/**
 * Every read of a case file or of a person's data is logged (law 09-08 art. 24), in the same
 * transaction as the read: who (the request's user), when, which person and case, what kind of read.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';

export type AccessKind = 'case_file' | 'person' | 'register' | 'sensitive' | 'export';

export async function logAccess(trx: Tx, personIds: readonly string[], kind: AccessKind, caseId: string | null = null): Promise<void> {
  if (personIds.length === 0) return;
  await sql`SELECT beneficiaries.log_access(${sql.val([...personIds])}::uuid[], ${caseId}::uuid, ${kind})`.execute(trx);
}
