/**
 * SQL of the persons search and record, under the caller's row-level security. One query per page:
 * persons alone (filters, keyset, sort, limit), then the holder's names joined to those rows.
 * Names are searched in either script through the scoped name index (0142, by way of a definer
 * function that answers candidate ids in the caller's scope), re-checked on the exact folded keys.
 */
import { sql, type SqlBool } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { invalidFields } from '../../../../server/errors.ts';
import type { Language } from '../../../../platform/contract/common.ts';
import type { Person, PersonFilters, PersonListItem, Relative } from '../../contract/persons.ts';
import { toPersonSummary } from '../person-summary.ts';

/** Dates come back from the driver as 'YYYY-MM-DD' text (pool.ts), whatever the generated types say. */
export const instant = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function encodeCursor(token: string, key: string, id: string): string {
  return Buffer.from(JSON.stringify([token, key, id])).toString('base64url');
}

export function decodeCursor(cursor: string, token: string, messageKey: string): { key: string; id: string } {
  try {
    const [t, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (t === token && typeof key === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { key, id };
  } catch {
    // fall through: a cursor that is not ours
  }
  throw invalidFields({ path: 'after', key: messageKey });
}

/** What a typed search is: an identifier (CNIE, IDCS, phone) or words of names. */
export function parseSearch(q: string | undefined): { cnie?: string; idcs?: string; phone?: string; words: string[] } {
  const raw = (q ?? '').trim();
  const compact = raw.replace(/[\s.-]/g, '');
  if (/^[A-Za-z]{1,2}[0-9]{3,7}$/.test(compact)) return { cnie: compact.toUpperCase(), words: [] };
  if (/^[0-9]{10}$/.test(compact) && !compact.startsWith('0')) return { idcs: compact, words: [] };
  if (/^0[5-7][0-9]{8}$/.test(compact)) return { phone: `+212${compact.slice(1)}`, words: [] };
  if (/^\+[1-9][0-9]{7,14}$/.test(compact)) return { phone: compact, words: [] };
  return { words: raw.split(/\s+/).filter(Boolean).slice(0, 6) };
}

const fromPersons = (tx: Tx) => tx.selectFrom('beneficiaries.persons as p');
type FromPersons = ReturnType<typeof fromPersons>;

/** The filters as one WHERE on persons alone; merged records are not listed (their survivor is). */
export function applyPersonFilters(query: FromPersons, f: PersonFilters): FromPersons {
  let q = query.where('p.merged_into', 'is', null);
  const search = parseSearch(f.q);
  if (search.cnie) q = q.where('p.cnie', '=', search.cnie);
  if (search.idcs) q = q.where('p.idcs', '=', search.idcs);
  if (search.phone) q = q.where('p.phone', '=', search.phone);
  for (const word of search.words) {
    // fold_name keeps only letters, digits and spaces, so the pattern holds no LIKE wildcard. The
    // name index is reached through byNameCandidates (row-level security keeps it from being an
    // index condition here); its candidates are a superset of what this condition keeps.
    q = q.where(sql<SqlBool>`(p.name_key_ar || ' ' || p.name_key_lat) LIKE '%' || app.fold_name(${word}) || '%'`);
  }
  if (f.sex) q = q.where('p.sex', '=', f.sex);
  if (f.birthYear) q = q.where(sql<SqlBool>`p.birth_date >= make_date(${f.birthYear}::int, 1, 1) AND p.birth_date < make_date(${f.birthYear}::int + 1, 1, 1)`);
  if (f.commune) q = q.where('p.commune_id', '=', f.commune);
  if (f.household) q = q.where('p.household_id', '=', f.household);
  if (f.delegation) q = q.where('p.delegation_id', '=', f.delegation);
  if (f.institution) {
    const inst = f.institution;
    q = q.where((eb) =>
      eb.or([
        eb('p.institution_id', '=', inst),
        eb.exists(eb.selectFrom('beneficiaries.admissions as a').select('a.id').whereRef('a.person_id', '=', 'p.id').where('a.institution_id', '=', inst)),
      ]),
    );
  }
  return q;
}

/**
 * The list shows the persons the caller's scope holds (and, for an institution or an association,
 * those admitted or followed there), said as a plain predicate the indexes serve: row-level
 * security alone is a function of session settings that no index matches. RLS still decides;
 * persons seen only through another scope's case are reached from that case, not from this list.
 */
function withinScope(q: FromPersons, user: CurrentUser): FromPersons {
  const { level, regionId, delegationId, associationId, institutionId } = user.scope;
  if (level === 'region' && regionId) return q.where('p.region_id', '=', regionId);
  if (level === 'delegation' && delegationId) return q.where('p.delegation_id', '=', delegationId);
  const key = level === 'institution' ? institutionId : level === 'association' ? associationId : null;
  if (key) {
    const col = level === 'institution' ? 'institution_id' : 'association_id';
    return q.where((eb) =>
      eb.or([
        eb(sql.ref(`p.${col}`), '=', key),
        eb.exists(eb.selectFrom('beneficiaries.admissions as a').select('a.id').whereRef('a.person_id', '=', 'p.id').where(sql.ref(`a.${col}`), '=', key)),
        eb.exists(eb.selectFrom('beneficiaries.cases as c').select('c.id').whereRef('c.person_id', '=', 'p.id').where(sql.ref(`c.${col}`), '=', key)),
      ]),
    );
  }
  return q;
}

/**
 * Whether a word gives the name index a key: three letters or digits in a row, as app.fold_name()
 * leaves them (marks and tatweel dropped, anything else a separator). Shorter words would read the
 * whole scope anyway.
 */
const givesSearchKey = (word: string) =>
  word.normalize('NFC').replace(/[\p{M}\u0640]/gu, '').split(/[^\p{L}\p{N}]+/u).some((part) => [...part].length >= 3);

type ListRequest = PersonFilters & { after?: string; limit: number };
type NameOrder = { column: 'p.name_key_ar' | 'p.name_key_lat'; script: 'ar' | 'lat' };

/**
 * The words are the list's only filter: the candidate function can then answer the page itself.
 * Any other filter (including one added later) leaves it to answer a superset.
 */
const PAGING = new Set(['q', 'after', 'limit']);
const wordsOnly = (f: ListRequest) => Object.entries(f).every(([key, value]) => PAGING.has(key) || value === undefined);

/**
 * A name search in a scope that holds persons by a key of its own (nation, region, delegation)
 * reads its candidates from the scoped name index, through beneficiaries.person_name_candidates()
 * (0106, 0142): row-level security keeps an index condition on the names from being used here.
 * With other filters the candidates are a superset; with the words alone they are the page, in
 * the list's order after its cursor. Either way every condition and row-level security still apply.
 */
function byNameCandidates(q: FromPersons, user: CurrentUser, f: ListRequest, order: NameOrder, after: { key: string; id: string } | null): FromPersons {
  const { words } = parseSearch(f.q);
  if (!['nation', 'region', 'delegation'].includes(user.scope.level) || !words.some(givesSearchKey)) return q;
  const candidates = wordsOnly(f)
    ? sql`beneficiaries.person_name_candidates(${words}::text[], ${order.script}, ${after?.key ?? null}::text, ${after?.id ?? null}::uuid, ${f.limit + 1}::int)`
    : sql`beneficiaries.person_name_candidates(${words}::text[])`;
  return q.where(sql<SqlBool>`p.id = ANY(ARRAY(SELECT ${candidates}))`);
}

const SUMMARY = ['p.id', 'p.first_name_ar', 'p.last_name_ar', 'p.first_name_lat', 'p.last_name_lat', 'p.sex', 'p.birth_date', 'p.birth_date_precision', 'p.cnie', 'p.delegation_id'] as const;

export async function listPersons(tx: Tx, user: CurrentUser, f: ListRequest, lang: Language): Promise<{ items: PersonListItem[]; nextCursor: string | null }> {
  // The folded names are never NULL (0142): the order is the scope's name-ordered index's.
  const order: NameOrder = lang === 'ar' ? { column: 'p.name_key_ar', script: 'ar' } : { column: 'p.name_key_lat', script: 'lat' };
  const token = `name:${lang}`;
  const after = f.after ? decodeCursor(f.after, token, 'beneficiaries.persons.bad_cursor') : null;
  let rows = byNameCandidates(withinScope(applyPersonFilters(fromPersons(tx), f), user), user, f, order, after);
  if (after) rows = rows.where(sql<SqlBool>`(${sql.ref(order.column)}, p.id) > (${after.key}::text, ${after.id}::uuid)`);
  const ordered = rows
    .select(SUMMARY)
    .select(['p.phone', 'p.idcs', 'p.institution_id'])
    .select(sql<string>`${sql.ref(order.column)}`.as('sort_key'))
    .orderBy(sql.ref(order.column))
    .orderBy('p.id')
    .limit(f.limit + 1);
  const found = await tx
    .selectFrom(ordered.as('p'))
    .innerJoin('organisation.delegations as d', 'd.id', 'p.delegation_id')
    .selectAll('p')
    .select(['d.name_ar as delegation_name_ar', 'd.name_fr as delegation_name_fr'])
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute();
  const page = found.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...toPersonSummary(r),
      phone: r.phone,
      idcs: r.idcs,
      institutionId: r.institution_id,
      delegationNameAr: r.delegation_name_ar,
      delegationNameFr: r.delegation_name_fr,
    })),
    nextCursor: found.length > f.limit && last ? encodeCursor(token, last.sort_key, last.id) : null,
  };
}

export function toRelative(r: {
  id: string;
  person_id: string;
  relation: string;
  is_legal_representative: boolean;
  full_name_ar: string | null;
  full_name_lat: string | null;
  cnie: string | null;
  phone: string | null;
  address: string | null;
  profession: string | null;
  social_situation: string | null;
  alive: boolean;
}): Relative {
  return {
    id: r.id,
    personId: r.person_id,
    relation: r.relation as Relative['relation'],
    isLegalRepresentative: r.is_legal_representative,
    fullNameAr: r.full_name_ar,
    fullNameLat: r.full_name_lat,
    cnie: r.cnie,
    phone: r.phone,
    address: r.address,
    profession: r.profession,
    socialSituation: r.social_situation as Relative['socialSituation'],
    alive: r.alive,
  };
}

/** Father and mother first, then the legal guardian and the rest. */
const RELATION_ORDER = sql`array_position(ARRAY['father','mother','legal_guardian','kafil','spouse','grandparent','sibling','other']::text[], r.relation)`;

export async function listRelatives(tx: Tx, personId: string): Promise<Relative[]> {
  const rows = await tx.selectFrom('beneficiaries.relatives as r').selectAll('r').where('r.person_id', '=', personId).orderBy(RELATION_ORDER).orderBy('r.created_at').execute();
  return rows.map(toRelative);
}

/** The record as the caller may see it, or undefined (absent or out of scope). */
export async function findPerson(tx: Tx, id: string): Promise<Person | undefined> {
  const r = await tx
    .selectFrom('beneficiaries.persons as p')
    .innerJoin('organisation.delegations as d', 'd.id', 'p.delegation_id')
    .leftJoin('territory.communes as c', 'c.id', 'p.commune_id')
    .leftJoin('beneficiaries.households as h', 'h.id', 'p.household_id')
    .leftJoin('registry.institutions as i', 'i.id', 'p.institution_id')
    .select(SUMMARY)
    .select([
      'p.birth_place', 'p.idcs', 'p.phone', 'p.address', 'p.commune_id', 'p.family_status', 'p.schooling_level', 'p.household_id',
      'p.merged_into', 'p.institution_id', 'p.created_at', 'p.updated_at',
      'c.name_ar as commune_name_ar', 'c.name_fr as commune_name_fr', 'h.label as household_label',
      'i.name_ar as institution_name_ar', 'i.name_fr as institution_name_fr',
      'd.name_ar as delegation_name_ar', 'd.name_fr as delegation_name_fr',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    ...toPersonSummary(r),
    birthPlace: r.birth_place,
    idcs: r.idcs,
    phone: r.phone,
    address: r.address,
    communeId: r.commune_id,
    communeNameAr: r.commune_name_ar,
    communeNameFr: r.commune_name_fr,
    familyStatus: r.family_status as Person['familyStatus'],
    schoolingLevel: r.schooling_level as Person['schoolingLevel'],
    householdId: r.household_id,
    // A household out of the caller's scope is not named (RLS hides it; the id alone is kept).
    household: r.household_id && r.household_label ? { id: r.household_id, label: r.household_label } : null,
    mergedInto: r.merged_into,
    institutionId: r.institution_id,
    institutionNameAr: r.institution_name_ar,
    institutionNameFr: r.institution_name_fr,
    delegationNameAr: r.delegation_name_ar,
    delegationNameFr: r.delegation_name_fr,
    relatives: await listRelatives(tx, id),
    createdAt: instant(r.created_at),
    updatedAt: instant(r.updated_at),
  };
}
