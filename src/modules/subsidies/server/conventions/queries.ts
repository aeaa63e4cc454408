/**
 * SQL of conventions, read under row-level security: the list (keyset on starts_on DESC, id; each
 * filter with its index; the late-tranche count in the same statement) and one convention with
 * its children in a fixed number of statements (no N+1).
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { ConventionFilters, ConventionSummary, Convention, Partner } from './contract.ts';

export interface ListOptions {
  ids?: string[];
  after?: { startsOn: string; id: string };
  limit?: number;
  /** Morocco's today: a tranche is late when not fully paid and planned before it, or paid after its date. */
  today: string;
}

/** The shared definition of a late tranche (brief: fixed contracts), as a condition on alias t. */
const lateTranche = (today: string) =>
  sql<boolean>`(t.status <> 'cancelled' AND ((t.status <> 'paid' AND t.planned_on < ${today}::date) OR t.paid_on > t.planned_on))`;

export async function findConventions(tx: Tx, f: ConventionFilters, o: ListOptions): Promise<(ConventionSummary & { regionId: string | null; delegationId: string | null })[]> {
  let query = tx
    .selectFrom('subsidies.conventions as c')
    .innerJoin('registry.associations as a', 'a.id', 'c.association_id')
    .select(['c.id', 'c.reference', 'c.owner_level', 'c.association_id', 'a.name_ar', 'a.name_fr', 'c.object_ar', 'c.object_fr', 'c.status', 'c.amendment', 'c.region_id', 'c.delegation_id'])
    .select(sql<string>`c.starts_on::text`.as('starts_on'))
    .select(sql<string>`c.ends_on::text`.as('ends_on'))
    .select(sql<string | null>`c.signed_on::text`.as('signed_on'))
    .select(sql<string>`c.total_mad::text`.as('total_mad'))
    .select(sql<string[]>`coalesce((SELECT array_agg(DISTINCT p.kind ORDER BY p.kind) FROM subsidies.convention_partners p WHERE p.convention_id = c.id), '{}')`.as('partner_kinds'))
    .select(sql<number>`(SELECT count(*)::int FROM subsidies.tranches t WHERE t.convention_id = c.id AND ${lateTranche(o.today)})`.as('late_tranches'))
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id');
  if (o.ids) query = query.where('c.id', 'in', o.ids);
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.associationId) query = query.where('c.association_id', '=', f.associationId);
  if (f.partnerKind) query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM subsidies.convention_partners p WHERE p.convention_id = c.id AND p.kind = ${f.partnerKind})`);
  for (const word of (f.partner ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    // fold_name keeps letters, digits and spaces only: the pattern holds no LIKE wildcard (0141).
    query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM subsidies.convention_partners p WHERE p.convention_id = c.id
      AND p.search_trgm LIKE '%' || registry.trigram_key(app.fold_name(${word})) || '%' AND p.search_key LIKE '%' || app.fold_name(${word}) || '%')`);
  }
  if (f.from) query = query.where(sql<boolean>`c.ends_on >= ${f.from}::date`);
  if (f.to) query = query.where(sql<boolean>`c.starts_on <= ${f.to}::date`);
  if (f.late === 'true') query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM subsidies.tranches t WHERE t.convention_id = c.id AND ${lateTranche(o.today)})`);
  if (f.late === 'false') query = query.where(sql<boolean>`NOT EXISTS (SELECT 1 FROM subsidies.tranches t WHERE t.convention_id = c.id AND ${lateTranche(o.today)})`);
  if (o.after) query = query.where(sql<boolean>`(c.starts_on < ${o.after.startsOn}::date OR (c.starts_on = ${o.after.startsOn}::date AND c.id > ${o.after.id}::uuid))`);
  if (o.limit) query = query.limit(o.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    ownerLevel: r.owner_level as ConventionSummary['ownerLevel'],
    associationId: r.association_id,
    associationNameAr: r.name_ar,
    associationNameFr: r.name_fr,
    objectAr: r.object_ar,
    objectFr: r.object_fr,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    totalMad: r.total_mad,
    status: r.status as ConventionSummary['status'],
    signedOn: r.signed_on,
    amendment: r.amendment,
    partnerKinds: r.partner_kinds as ConventionSummary['partnerKinds'],
    lateTranches: r.late_tranches,
    regionId: r.region_id,
    delegationId: r.delegation_id,
  }));
}

/** The children of one convention: institutions, partners with their amounts, obligations, signatories, amendments. */
export async function findConventionParts(tx: Tx, id: string) {
  // One connection per request: the reads run one after the other.
  const institutions = await tx
    .selectFrom('subsidies.convention_institutions as ci')
    .innerJoin('registry.institutions as i', 'i.id', 'ci.institution_id')
    .select(['i.id', 'i.name_ar', 'i.name_fr'])
    .where('ci.convention_id', '=', id)
    .orderBy('i.name_fr')
    .execute();
  const partners = await tx
    .selectFrom('subsidies.convention_partners as p')
    .select(['p.id', 'p.kind', 'p.name_ar', 'p.name_fr', 'p.sgg_reference'])
    .select(sql<string | null>`p.sgg_declared_on::text`.as('sgg_declared_on'))
    .select(
      sql<{ year: number; amountMad: string }[]>`coalesce((SELECT json_agg(json_build_object('year', a.year, 'amountMad', a.amount_mad::text) ORDER BY a.year)
        FROM subsidies.convention_amounts a WHERE a.partner_id = p.id), '[]'::json)`.as('amounts'),
    )
    // Entraide Nationale first, then the others in a stable order.
    .orderBy(sql`p.kind = 'entraide_nationale'`, 'desc')
    .orderBy('p.kind')
    .orderBy('p.name_fr')
    .where('p.convention_id', '=', id)
    .execute();
  const obligations = await tx
    .selectFrom('subsidies.convention_obligations')
    .select(['id', 'party', 'partner_id', 'text_ar', 'text_fr'])
    .where('convention_id', '=', id)
    .orderBy('position')
    .execute();
  const signatories = await tx
    .selectFrom('subsidies.convention_signatories')
    .select(['id', 'party', 'partner_id', 'full_name', 'title'])
    .select(sql<string | null>`signed_on::text`.as('signed_on'))
    .where('convention_id', '=', id)
    .orderBy('party')
    .orderBy('full_name')
    .execute();
  const { rows: amendments } = await sql<{ amendment: number; reason_ar: string; reason_fr: string; previous_terms: Record<string, unknown>; signed_on: string | null; created_at: string; submission_state: string | null }>`
    SELECT v.amendment, v.reason_ar, v.reason_fr, v.previous_terms, v.signed_on::text AS signed_on,
      to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
      (SELECT s.state FROM approvals.submissions s WHERE s.subject_id = v.subject_id) AS submission_state
    FROM subsidies.convention_versions v WHERE v.convention_id = ${id}::uuid ORDER BY v.amendment`.execute(tx);
  const { rows: ends } = await sql<{ ended_on: string | null; end_reason: string | null; full_name_ar: string | null; full_name_fr: string | null }>`
    SELECT c.ended_on::text AS ended_on, c.end_reason, p.full_name_ar, p.full_name_fr
    FROM subsidies.conventions c LEFT JOIN subsidies.convention_people(c.id) p ON p.user_id = c.ended_by
    WHERE c.id = ${id}::uuid`.execute(tx);
  const end = ends[0];
  return {
    ending: end?.ended_on
      ? { on: end.ended_on, reason: end.end_reason, by: end.full_name_ar !== null ? { nameAr: end.full_name_ar, nameFr: end.full_name_fr! } : null }
      : null,
    institutions: institutions.map((i) => ({ id: i.id, nameAr: i.name_ar, nameFr: i.name_fr })),
    partners: partners.map(
      (p): Partner => ({ id: p.id, kind: p.kind as Partner['kind'], nameAr: p.name_ar, nameFr: p.name_fr, sggDeclaredOn: p.sgg_declared_on, sggReference: p.sgg_reference, amounts: p.amounts }),
    ),
    obligations: obligations.map((o) => ({ id: o.id, party: o.party as Convention['obligations'][number]['party'], partnerId: o.partner_id, textAr: o.text_ar, textFr: o.text_fr })),
    signatories: signatories.map((s) => ({ id: s.id, party: s.party as Convention['signatories'][number]['party'], partnerId: s.partner_id, fullName: s.full_name, title: s.title, signedOn: s.signed_on })),
    amendments: amendments.map((v) => ({
      amendment: v.amendment,
      reasonAr: v.reason_ar,
      reasonFr: v.reason_fr,
      previousTerms: v.previous_terms,
      signedOn: v.signed_on,
      createdAt: v.created_at,
      submissionState: v.submission_state ?? 'draft',
    })),
  };
}

/** The sum of the yearly amounts, computed by the database. */
export async function fundedMad(tx: Tx, id: string): Promise<string> {
  const { rows } = await sql<{ sum: string }>`SELECT coalesce(sum(amount_mad), 0)::text AS sum FROM subsidies.convention_amounts WHERE convention_id = ${id}::uuid`.execute(tx);
  return rows[0]!.sum;
}

/** The subject id governing the convention's approval now (its own, or its latest amendment's). */
export async function approvalSubject(tx: Tx, id: string): Promise<string> {
  const { rows } = await sql<{ subject: string }>`SELECT subsidies.approval_subject(${id}::uuid) AS subject`.execute(tx);
  return rows[0]!.subject;
}
