/**
 * Audit missions, their findings and recommendations. Auditors (permission subsidies.audit) run
 * everything; the audited association (subsidies.justify) reports its follow-up of a
 * recommendation (in progress, with what it did) but never closes it. Lifecycle rules live in the
 * database (migration 0136).
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, forbidden, invalidFields, notFound } from '../../../../server/errors.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { CreateFindingBody, CreateMissionBody, CreateRecommendationBody, Mission, UpdateMissionBody, UpdateRecommendationBody } from './contract.ts';
import { findFindings, findMissions } from './mission-queries.ts';

export async function getMission(tx: Tx, user: CurrentUser, id: string): Promise<Mission> {
  const [mission] = await findMissions(tx, { ids: [id] });
  if (!mission) throw notFound();
  const mayAudit = hasPermission(user.role, 'subsidies.audit');
  return {
    ...mission,
    findings: await findFindings(tx, id),
    can: { manage: mayAudit && mission.status !== 'closed', followUp: mayAudit || hasPermission(user.role, 'subsidies.justify') },
  };
}

export async function createMission(tx: Tx, user: CurrentUser, body: CreateMissionBody): Promise<Mission> {
  const association = await tx.selectFrom('registry.associations').select('id').where('id', '=', body.associationId).executeTakeFirst();
  if (!association) throw invalidFields({ path: 'associationId', key: 'validation.invalid_value' });
  if (body.conventionId) {
    const convention = await tx.selectFrom('subsidies.conventions').select('id').where('id', '=', body.conventionId).executeTakeFirst();
    if (!convention) throw invalidFields({ path: 'conventionId', key: 'validation.invalid_value' });
  }
  const { id } = await tx
    .insertInto('subsidies.audit_missions')
    .values({
      association_id: association.id,
      convention_id: body.conventionId ?? null,
      kind: body.kind,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      team: JSON.stringify(body.team),
      summary: body.summary ?? null,
      created_by: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getMission(tx, user, id);
}

async function visibleMission(tx: Tx, id: string) {
  const row = await tx.selectFrom('subsidies.audit_missions').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function updateMission(tx: Tx, user: CurrentUser, id: string, body: UpdateMissionBody): Promise<Mission> {
  await visibleMission(tx, id);
  const changes = {
    ...(body.status && { status: body.status }),
    ...(body.summary !== undefined && { summary: body.summary }),
    ...(body.team && { team: JSON.stringify(body.team) }),
  };
  if (Object.keys(changes).length) await tx.updateTable('subsidies.audit_missions').set(changes).where('id', '=', id).execute();
  return getMission(tx, user, id);
}

export async function addFinding(tx: Tx, user: CurrentUser, missionId: string, body: CreateFindingBody): Promise<Mission> {
  await visibleMission(tx, missionId);
  await tx
    .insertInto('subsidies.audit_findings')
    .values({ mission_id: missionId, severity: body.severity, description: body.description, amount_in_question_mad: body.amountInQuestionMad ?? null })
    .execute();
  return getMission(tx, user, missionId);
}

async function visibleFinding(tx: Tx, id: string) {
  const row = await tx.selectFrom('subsidies.audit_findings').select(['id', 'mission_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Closing a finding: refused by the database while one of its recommendations is still open. */
export async function closeFinding(tx: Tx, user: CurrentUser, findingId: string): Promise<Mission> {
  const finding = await visibleFinding(tx, findingId);
  await tx.updateTable('subsidies.audit_findings').set({ status: 'closed', closed_on: todayInMorocco() }).where('id', '=', findingId).execute();
  return getMission(tx, user, finding.mission_id);
}

export async function addRecommendation(tx: Tx, user: CurrentUser, findingId: string, body: CreateRecommendationBody): Promise<Mission> {
  const finding = await visibleFinding(tx, findingId);
  await tx.insertInto('subsidies.audit_recommendations').values({ finding_id: findingId, text: body.text, due_on: body.dueOn ?? null }).execute();
  return getMission(tx, user, finding.mission_id);
}

export async function updateRecommendation(tx: Tx, user: CurrentUser, id: string, body: UpdateRecommendationBody): Promise<Mission> {
  const row = await tx
    .selectFrom('subsidies.audit_recommendations as r')
    .innerJoin('subsidies.audit_findings as f', 'f.id', 'r.finding_id')
    .select(['r.id', 'r.status', 'f.mission_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const mayAudit = hasPermission(user.role, 'subsidies.audit');
  // The association reports progress; closing (done or dropped) is the auditors' call.
  if (!mayAudit && (!hasPermission(user.role, 'subsidies.justify') || !['open', 'in_progress'].includes(body.status))) throw forbidden();
  if (body.status === 'done' && !body.followUp) throw invalidFields({ path: 'followUp', key: 'subsidies.validation.follow_up_required' });
  if (row.status === 'done' || row.status === 'dropped') throw new AppError(409, 'subsidies.errors.recommendation_closed');
  const closing = body.status === 'done' || body.status === 'dropped';
  await tx
    .updateTable('subsidies.audit_recommendations')
    .set({
      status: body.status,
      ...(body.followUp !== undefined && { follow_up: body.followUp }),
      closed_on: closing ? todayInMorocco() : null,
    })
    .where('id', '=', id)
    .execute();
  return getMission(tx, user, row.mission_id);
}

/** The associations in scope (and their conventions) a mission may be opened on, by name. */
export async function missionTargets(tx: Tx, q: string | undefined) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const { rows } = await sql<{ id: string; name_ar: string; name_fr: string; conventions: { id: string; reference: string }[] }>`
    SELECT a.id, a.name_ar, a.name_fr,
      coalesce((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'reference', c.reference) ORDER BY c.starts_on DESC)
                FROM subsidies.conventions c WHERE c.association_id = a.id), '[]'::jsonb) AS conventions
    FROM registry.associations a
    WHERE ${pattern ? sql`(a.name_fr ILIKE ${pattern} OR a.name_ar ILIKE ${pattern})` : sql`true`}
    ORDER BY a.name_fr, a.id
    LIMIT 30`.execute(tx);
  return { associations: rows.map((r) => ({ id: r.id, nameAr: r.name_ar, nameFr: r.name_fr, conventions: r.conventions })) };
}
