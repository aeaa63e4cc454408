/** SQL of the audit missions: the list (with its open-finding counts) and a mission's findings in one statement each. */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { Finding, MissionStatus, MissionSummary, TeamMember } from './contract.ts';
import type { DateCursor } from './cursor.ts';

export interface MissionFilter {
  ids?: string[];
  status?: MissionStatus;
  associationId?: string;
  after?: DateCursor;
  limit?: number;
}

interface MissionRow {
  id: string;
  association_id: string;
  name_ar: string;
  name_fr: string;
  convention_id: string | null;
  reference: string | null;
  kind: MissionSummary['kind'];
  status: MissionStatus;
  starts_on: string;
  ends_on: string;
  open_findings: number;
  open_critical: number;
  team: TeamMember[];
  summary: string | null;
}

export async function findMissions(tx: Tx, f: MissionFilter): Promise<(MissionSummary & { team: TeamMember[]; summary: string | null })[]> {
  const { rows } = await sql<MissionRow>`
    SELECT m.id, m.association_id, a.name_ar, a.name_fr, m.convention_id, c.reference, m.kind, m.status, m.starts_on, m.ends_on, m.team, m.summary,
      (SELECT count(*)::int FROM subsidies.audit_findings f WHERE f.mission_id = m.id AND f.status = 'open') AS open_findings,
      (SELECT count(*)::int FROM subsidies.audit_findings f WHERE f.mission_id = m.id AND f.status = 'open' AND f.severity = 'critical') AS open_critical
    FROM subsidies.audit_missions m
    JOIN registry.associations a ON a.id = m.association_id
    LEFT JOIN subsidies.conventions c ON c.id = m.convention_id
    WHERE true
      ${f.ids ? sql`AND m.id = ANY(${f.ids}::uuid[])` : sql``}
      ${f.status ? sql`AND m.status = ${f.status}` : sql``}
      ${f.associationId ? sql`AND m.association_id = ${f.associationId}::uuid` : sql``}
      ${f.after ? sql`AND (m.starts_on < ${f.after.day}::date OR (m.starts_on = ${f.after.day}::date AND m.id > ${f.after.id}::uuid))` : sql``}
    ORDER BY m.starts_on DESC, m.id
    ${f.limit ? sql`LIMIT ${f.limit}` : sql``}`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    associationId: r.association_id,
    associationNameAr: r.name_ar,
    associationNameFr: r.name_fr,
    conventionId: r.convention_id,
    conventionReference: r.reference,
    kind: r.kind,
    status: r.status,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    openFindings: r.open_findings,
    openCritical: r.open_critical,
    team: r.team,
    summary: r.summary,
  }));
}

/** A mission's findings, each with its recommendations (aggregated in the same statement). */
export async function findFindings(tx: Tx, missionId: string): Promise<Finding[]> {
  const { rows } = await sql<{
    id: string; severity: Finding['severity']; description: string; amount_in_question_mad: string | null; status: Finding['status']; closed_on: string | null;
    recommendations: { id: string; text: string; due_on: string | null; status: Finding['recommendations'][number]['status']; follow_up: string | null; closed_on: string | null }[];
  }>`
    SELECT f.id, f.severity, f.description, f.amount_in_question_mad, f.status, f.closed_on,
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'text', r.text, 'due_on', r.due_on, 'status', r.status,
                  'follow_up', r.follow_up, 'closed_on', r.closed_on) ORDER BY r.due_on NULLS LAST, r.id)
                FROM subsidies.audit_recommendations r WHERE r.finding_id = f.id), '[]'::jsonb) AS recommendations
    FROM subsidies.audit_findings f
    WHERE f.mission_id = ${missionId}::uuid
    ORDER BY array_position(ARRAY['critical', 'high', 'medium', 'low'], f.severity), f.id`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    amountInQuestionMad: r.amount_in_question_mad,
    status: r.status,
    closedOn: r.closed_on,
    recommendations: r.recommendations.map((x) => ({ id: x.id, text: x.text, dueOn: x.due_on, status: x.status, followUp: x.follow_up, closedOn: x.closed_on })),
  }));
}
