/**
 * What a response can be about. Each subject type says how to find a record of its kind and the
 * scope keys the response copies from it, so a response is scoped exactly like its subject.
 * The forms service knows delegations; later modules (institutions, inspection visits, training
 * sessions) register their own types with registerSubjectType() from their module.ts.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../server/context.ts';

export interface ScopeKeys {
  regionId: string | null;
  delegationId: string | null;
  associationId: string | null;
  institutionId: string | null;
}

export interface SubjectRecord {
  keys: ScopeKeys;
  nameAr: string;
  nameFr: string;
}

export interface SubjectType {
  type: string;
  /** The record and its scope keys, or undefined when it does not exist. */
  resolve(tx: Tx, id: string): Promise<SubjectRecord | undefined>;
  /** Names of many records at once (lists of responses), keyed by id. */
  names(tx: Tx, ids: string[]): Promise<Map<string, { nameAr: string; nameFr: string }>>;
}

const registry = new Map<string, SubjectType>();

export function registerSubjectType(subject: SubjectType): void {
  registry.set(subject.type, subject);
}

export const subjectType = (type: string): SubjectType | undefined => registry.get(type);

/** Is a record with these keys inside the caller's scope? The same predicate the policies use. */
export async function inScope(tx: Tx, keys: ScopeKeys): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`SELECT app.scope_allows(${keys.regionId}::uuid, ${keys.delegationId}::uuid, ${keys.associationId}::uuid, ${keys.institutionId}::uuid) AS ok`.execute(tx);
  return rows[0]?.ok === true;
}

/** A provincial delegation answers about itself (self-diagnosis of its social action, for example). */
registerSubjectType({
  type: 'delegation',
  async resolve(tx, id) {
    const d = await tx.selectFrom('organisation.delegations').select(['id', 'region_id', 'name_ar', 'name_fr']).where('id', '=', id).executeTakeFirst();
    return d && { keys: { regionId: d.region_id, delegationId: d.id, associationId: null, institutionId: null }, nameAr: d.name_ar, nameFr: d.name_fr };
  },
  async names(tx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await tx.selectFrom('organisation.delegations').select(['id', 'name_ar', 'name_fr']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { nameAr: r.name_ar, nameFr: r.name_fr }]));
  },
});
