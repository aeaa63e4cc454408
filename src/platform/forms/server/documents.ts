/**
 * Files of file questions are documents owned by the response ('form_response'): they carry the
 * response's scope keys, so they are visible exactly where the response is. Readers of responses
 * read them; those who answer forms attach them.
 */
import type { Tx } from '../../../server/context.ts';
import { registerDocumentOwner } from '../../documents/index.ts';

export const RESPONSE_OWNER = 'form_response';

registerDocumentOwner({
  type: RESPONSE_OWNER,
  readPermission: 'forms.read',
  writePermission: 'forms.answer',
  categories: ['evidence'],
  linkOf: (id) => `/form-responses/${id}`,
  scopeOf: async (tx, id) => {
    // Row-level security: a response outside the caller's scope is not found.
    const r = await tx
      .selectFrom('forms.responses')
      .select(['region_id', 'delegation_id', 'association_id', 'institution_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r && { regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id, institutionId: r.institution_id };
  },
});

/** Of these document ids, the ones attached to this response (and visible to the caller). */
export async function documentsOfResponse(tx: Tx, responseId: string | null, ids: string[]): Promise<Set<string>> {
  if (!responseId || ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('documents.documents')
    .select('id')
    .where('owner_type', '=', RESPONSE_OWNER)
    .where('owner_id', '=', responseId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}
