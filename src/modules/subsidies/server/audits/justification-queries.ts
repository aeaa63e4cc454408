/**
 * SQL of the justifications: one statement per list or detail part (no N+1), under row-level
 * security. The money figures come from subsidies.paid_mad(), justified_mad() and presented_mad(),
 * the single definitions shared with the other parts; sums are made by PostgreSQL.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { CandidateEntry, JustificationLine, JustificationState, JustificationSummary, TrancheToJustify } from './contract.ts';
import { type DateCursor } from './cursor.ts';

interface TrancheRow {
  tranche_id: string;
  convention_id: string;
  reference: string;
  association_id: string;
  association_name_ar: string;
  association_name_fr: string;
  year: number;
  position: number;
  amount_mad: string;
  paid_mad: string;
  justified_mad: string;
  remainder_mad: string;
  carried_over_mad: string;
  open_justification_id: string | null;
  planned_on: string;
}

export interface TrancheFilter {
  ids?: string[];
  outstanding?: boolean;
  after?: DateCursor;
  limit?: number;
}

/** Tranches that money left for (released or paid, something paid), newest planned date first. */
export async function findTranchesToJustify(tx: Tx, f: TrancheFilter): Promise<(TrancheToJustify & { plannedOn: string })[]> {
  const { rows } = await sql<TrancheRow>`
    SELECT x.*, x.paid_mad - x.justified_mad AS remainder_mad, (SELECT j.id FROM subsidies.justifications j WHERE j.tranche_id = x.tranche_id AND j.state IN ('draft', 'submitted')) AS open_justification_id
    FROM (
      SELECT t.id AS tranche_id, t.convention_id, c.reference, c.association_id, a.name_ar AS association_name_ar, a.name_fr AS association_name_fr,
        t.year, t.position, t.amount_mad, t.planned_on,
        subsidies.paid_mad(t.id)::numeric(14, 2) AS paid_mad, subsidies.justified_mad(t.id)::numeric(14, 2) AS justified_mad,
        (SELECT coalesce(sum(subsidies.paid_mad(p.id) - subsidies.justified_mad(p.id)), 0)::numeric(14, 2) FROM subsidies.tranches p
          WHERE p.convention_id = t.convention_id AND p.status IN ('released', 'paid') AND (p.year, p.position) < (t.year, t.position)) AS carried_over_mad
      FROM subsidies.tranches t
      JOIN subsidies.conventions c ON c.id = t.convention_id
      JOIN registry.associations a ON a.id = c.association_id
      WHERE t.status IN ('released', 'paid')
        ${f.ids ? sql`AND t.id = ANY(${f.ids}::uuid[])` : sql``}
        ${f.after ? sql`AND (t.planned_on < ${f.after.day}::date OR (t.planned_on = ${f.after.day}::date AND t.id > ${f.after.id}::uuid))` : sql``}
      ORDER BY t.planned_on DESC, t.id
    ) x
    WHERE x.paid_mad > 0 ${f.outstanding ? sql`AND x.paid_mad > x.justified_mad` : sql``}
    ${f.limit ? sql`LIMIT ${f.limit}` : sql``}`.execute(tx);
  return rows.map((r) => ({
    trancheId: r.tranche_id,
    conventionId: r.convention_id,
    conventionReference: r.reference,
    associationId: r.association_id,
    associationNameAr: r.association_name_ar,
    associationNameFr: r.association_name_fr,
    year: r.year,
    position: r.position,
    amountMad: r.amount_mad,
    paidMad: r.paid_mad,
    justifiedMad: r.justified_mad,
    remainderMad: r.remainder_mad,
    carriedOverMad: r.carried_over_mad,
    openJustificationId: r.open_justification_id,
    plannedOn: r.planned_on,
  }));
}

interface JustificationRow {
  id: string;
  tranche_id: string;
  convention_id: string;
  reference: string;
  association_name_ar: string;
  association_name_fr: string;
  year: number;
  position: number;
  state: JustificationState;
  submitted_on: string;
  presented_mad: string;
  accepted_mad: string | null;
  created_at: string;
  review_reason: string | null;
  reviewed_on: string | null;
}

export interface JustificationFilter {
  ids?: string[];
  state?: JustificationState;
  trancheId?: string;
  after?: { at: string; id: string };
  limit?: number;
}

export async function findJustifications(tx: Tx, f: JustificationFilter): Promise<(JustificationSummary & { reviewReason: string | null; reviewedOn: string | null })[]> {
  const { rows } = await sql<JustificationRow>`
    SELECT j.id, j.tranche_id, t.convention_id, c.reference, a.name_ar AS association_name_ar, a.name_fr AS association_name_fr,
      t.year, t.position, j.state, j.submitted_on, subsidies.presented_mad(j.id)::numeric(14, 2) AS presented_mad, j.accepted_mad,
      to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, j.review_reason, j.reviewed_on
    FROM subsidies.justifications j
    JOIN subsidies.tranches t ON t.id = j.tranche_id
    JOIN subsidies.conventions c ON c.id = t.convention_id
    JOIN registry.associations a ON a.id = c.association_id
    WHERE true
      ${f.ids ? sql`AND j.id = ANY(${f.ids}::uuid[])` : sql``}
      ${f.state ? sql`AND j.state = ${f.state}` : sql``}
      ${f.trancheId ? sql`AND j.tranche_id = ${f.trancheId}::uuid` : sql``}
      ${f.after ? sql`AND (j.created_at < ${f.after.at}::timestamptz OR (j.created_at = ${f.after.at}::timestamptz AND j.id > ${f.after.id}::uuid))` : sql``}
    ORDER BY j.created_at DESC, j.id
    ${f.limit ? sql`LIMIT ${f.limit}` : sql``}`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    trancheId: r.tranche_id,
    conventionId: r.convention_id,
    conventionReference: r.reference,
    associationNameAr: r.association_name_ar,
    associationNameFr: r.association_name_fr,
    year: r.year,
    position: r.position,
    state: r.state,
    submittedOn: r.submitted_on,
    presentedMad: r.presented_mad,
    acceptedMad: r.accepted_mad,
    createdAt: r.created_at,
    reviewReason: r.review_reason,
    reviewedOn: r.reviewed_on,
  }));
}

export async function findLines(tx: Tx, justificationId: string): Promise<JustificationLine[]> {
  const { rows } = await sql<{
    id: string; institution_id: string; name_ar: string; name_fr: string; finance_entry_id: string | null; entry_reference: string | null;
    document_id: string | null; document_title: string | null; spent_on: string; description: string; amount_mad: string;
  }>`
    SELECT l.id, l.institution_id, i.name_ar, i.name_fr, l.finance_entry_id, e.reference AS entry_reference,
      l.document_id, d.title AS document_title, l.spent_on, l.description, l.amount_mad
    FROM subsidies.justification_lines l
    JOIN registry.institutions i ON i.id = l.institution_id
    LEFT JOIN finance.entries e ON e.id = l.finance_entry_id
    LEFT JOIN documents.documents d ON d.id = l.document_id
    WHERE l.justification_id = ${justificationId}::uuid
    ORDER BY l.spent_on, l.id`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionNameAr: r.name_ar,
    institutionNameFr: r.name_fr,
    financeEntryId: r.finance_entry_id,
    entryReference: r.entry_reference,
    documentId: r.document_id,
    documentTitle: r.document_title,
    spentOn: r.spent_on,
    description: r.description,
    amountMad: r.amount_mad,
  }));
}

export async function findCoveredInstitutions(tx: Tx, trancheId: string) {
  const { rows } = await sql<{ id: string; name_ar: string; name_fr: string }>`
    SELECT i.id, i.name_ar, i.name_fr FROM subsidies.tranches t
    JOIN subsidies.convention_institutions ci ON ci.convention_id = t.convention_id
    JOIN registry.institutions i ON i.id = ci.institution_id
    WHERE t.id = ${trancheId}::uuid ORDER BY i.name_fr, i.id`.execute(tx);
  return rows.map((r) => ({ id: r.id, nameAr: r.name_ar, nameFr: r.name_fr }));
}

/** Standing payments of the covered institutions not yet presented in a justification still standing. */
export async function findCandidateEntries(tx: Tx, trancheId: string, f: { institutionId?: string; after?: DateCursor; limit: number }): Promise<(CandidateEntry & { entryDate: string })[]> {
  const { rows } = await sql<{
    id: string; institution_id: string; name_ar: string; name_fr: string; entry_date: string; counterparty: string; reference: string | null; description: string; amount_mad: string;
  }>`
    SELECT e.id, e.institution_id, i.name_ar, i.name_fr, e.entry_date, e.counterparty, e.reference, e.description, e.amount_mad
    FROM subsidies.tranches t
    JOIN subsidies.convention_institutions ci ON ci.convention_id = t.convention_id
    JOIN registry.institutions i ON i.id = ci.institution_id
    JOIN finance.entries e ON e.institution_id = ci.institution_id
    WHERE t.id = ${trancheId}::uuid AND e.direction = 'payment' AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM finance.entries x WHERE x.reverses_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM subsidies.justification_lines l JOIN subsidies.justifications o ON o.id = l.justification_id
                      WHERE l.finance_entry_id = e.id AND o.state <> 'rejected')
      ${f.institutionId ? sql`AND e.institution_id = ${f.institutionId}::uuid` : sql``}
      ${f.after ? sql`AND (e.entry_date < ${f.after.day}::date OR (e.entry_date = ${f.after.day}::date AND e.id > ${f.after.id}::uuid))` : sql``}
    ORDER BY e.entry_date DESC, e.id
    LIMIT ${f.limit}`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionNameAr: r.name_ar,
    institutionNameFr: r.name_fr,
    entryDate: r.entry_date,
    counterparty: r.counterparty,
    reference: r.reference,
    description: r.description,
    amountMad: r.amount_mad,
  }));
}
