/**
 * Reads of the licensing lifecycle, under row-level security: an institution the caller cannot
 * see has no licensing either (the services answer 404). Days left come from the overview view
 * (0055), the one place they are computed.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { ChecklistEntry, DueItem, DueQuery, Licensing, OpenChange, Step } from '../../contract/licensing.ts';
import { LICENCE_APPLICATION_OWNER, allowedActions } from '../../contract/licensing.ts';

const day = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export async function institutionHead(tx: Tx, institutionId: string) {
  return tx
    .selectFrom('registry.institutions')
    .select(['id', 'name_ar', 'name_fr', 'status', 'licence_number', 'licence_date', 'region_id', 'delegation_id', 'association_id'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
}

export async function findSteps(tx: Tx, institutionId: string): Promise<Step[]> {
  const rows = await tx
    .selectFrom('registry.licensing_steps')
    .selectAll()
    .select(sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('created_iso'))
    .select(sql<boolean>`coalesce(kind = 'change_declared' AND occurred_on > change_on + 8, false)`.as('declared_late'))
    .where('institution_id', '=', institutionId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind as Step['kind'],
    occurredOn: day(r.occurred_on as unknown as string)!,
    stage: r.stage as Step['stage'],
    opinion: r.opinion as Step['opinion'],
    outcome: r.outcome as Step['outcome'],
    licenceNumber: r.licence_number,
    licenceDate: day(r.licence_date as unknown as string | null),
    reasons: r.reasons,
    note: r.note,
    requestedItem: r.requested_item,
    changeSubject: r.change_subject as Step['changeSubject'],
    changeOn: day(r.change_on as unknown as string | null),
    changeId: r.change_id,
    needsApproval: r.change_subject ? r.needs_approval : null,
    declaredLate: r.declared_late,
    regulariseBy: day(r.regularise_by as unknown as string | null),
    noticeEnd: day(r.notice_end as unknown as string | null),
    createdBy: r.created_by ? { id: r.created_by, fullNameAr: r.created_by_name_ar ?? '', fullNameFr: r.created_by_name_fr ?? '' } : null,
    createdAt: r.created_iso,
  }));
}

export async function findChecklist(tx: Tx, applicationId: string, founderKind: string): Promise<ChecklistEntry[]> {
  const rows = await tx
    .selectFrom('registry.licence_checklist_items as c')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('documents.documents as d')
          .leftJoin('access.users as u', 'u.id', 'd.created_by')
          .select(['d.id', 'd.title', 'd.created_at', 'u.full_name_fr', 'u.full_name_ar'])
          .whereRef('d.category', '=', 'c.code')
          .where('d.owner_type', '=', LICENCE_APPLICATION_OWNER)
          .where('d.owner_id', '=', applicationId)
          .orderBy('d.created_at', 'desc')
          .limit(1)
          .as('doc'),
      (join) => join.onTrue(),
    )
    .select(['c.code', 'c.part', 'c.required', 'doc.id as doc_id', 'doc.title', 'doc.created_at', 'doc.full_name_ar', 'doc.full_name_fr'])
    .where((eb) => eb.or([eb('c.founder_kind', 'is', null), eb('c.founder_kind', '=', founderKind)]))
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    item: r.code as ChecklistEntry['item'],
    part: r.part as ChecklistEntry['part'],
    required: r.required,
    document: r.doc_id
      ? { id: r.doc_id, title: r.title!, createdAt: (r.created_at as Date).toISOString(), createdBy: r.full_name_fr ?? r.full_name_ar ?? null }
      : null,
  }));
}

export async function getLicensingOf(tx: Tx, institutionId: string): Promise<Licensing | undefined> {
  const inst = await institutionHead(tx, institutionId);
  if (!inst) return undefined;
  const state = await tx.selectFrom('registry.licensing_overview').selectAll().where('institution_id', '=', institutionId).executeTakeFirst();
  const steps = await findSteps(tx, institutionId);
  const open = await tx
    .selectFrom('registry.licensing_open_changes')
    .select(['id', 'change_subject', 'change_on', 'due_on', 'days_left'])
    .where('institution_id', '=', institutionId)
    .orderBy('change_on')
    .execute();
  const decided = new Set(steps.filter((s) => s.kind === 'change_decided').map((s) => s.changeId));
  const awaitingApproval = steps
    .filter((s) => s.kind === 'change_declared' && s.needsApproval && !decided.has(s.id))
    .map((s) => ({ id: s.id, changeSubject: s.changeSubject!, changeOn: s.changeOn! }));
  const checklist = state ? await findChecklist(tx, state.application_id!, state.founder_kind!) : [];
  const stage = (state?.stage ?? null) as Licensing['stage'];
  const stopped = Boolean(state?.clock_stopped_on);
  return {
    institutionId,
    nameAr: inst.name_ar,
    nameFr: inst.name_fr,
    status: inst.status as Licensing['status'],
    stage,
    licenceNumber: inst.licence_number,
    licenceDate: day(inst.licence_date as unknown as string | null),
    applicationId: state?.application_id ?? null,
    founderKind: (state?.founder_kind ?? null) as Licensing['founderKind'],
    clock:
      state?.clock_kind && state.clock_started_on
        ? {
            kind: state.clock_kind as NonNullable<Licensing['clock']>['kind'],
            startedOn: day(state.clock_started_on as unknown as string)!,
            days: state.clock_days!,
            stoppedOn: day(state.clock_stopped_on as unknown as string | null),
            requestedItem: state.requested_item,
            dueOn: day(state.due_on as unknown as string | null),
            daysLeft: state.days_left,
            warning: state.warning ?? false,
          }
        : null,
    allowed: allowedActions(stage, stopped, awaitingApproval.length > 0),
    openChanges: open.map(
      (c): OpenChange => ({ id: c.id!, changeSubject: c.change_subject as OpenChange['changeSubject'], changeOn: day(c.change_on as unknown as string)!, dueOn: day(c.due_on as unknown as string)!, daysLeft: c.days_left! }),
    ),
    awaitingApproval,
    steps,
    checklist,
  };
}

const FAR = '9999-12-31';

/** The queue of the delegation: institutions by the day their current step is due (stopped clocks last). */
export async function findDue(tx: Tx, q: DueQuery): Promise<{ items: DueItem[]; nextCursor: string | null }> {
  const dueKey = sql<string>`coalesce(o.due_on, ${FAR}::date)`;
  let query = tx
    .selectFrom('registry.licensing_overview as o')
    .innerJoin('registry.institutions as i', 'i.id', 'o.institution_id')
    .select(['o.institution_id', 'i.name_ar', 'i.name_fr', 'o.delegation_id', 'o.stage', 'o.clock_kind', 'o.due_on', 'o.days_left', 'o.warning', 'o.clock_stopped_on', 'o.last_step_on'])
    .select(sql<string>`to_char(${dueKey}, 'YYYY-MM-DD')`.as('due_key'))
    .orderBy(dueKey)
    .orderBy('o.institution_id')
    .limit(q.limit + 1);
  // Only the steps that wait for someone: an application on its way, a closure under notice.
  query = q.stage ? query.where('o.stage', '=', q.stage) : query.where('o.stage', 'in', ['filed', 'opinion_given', 'sent', 'closing']);
  if (q.delegation) query = query.where('o.delegation_id', '=', q.delegation);
  if (q.due === 'overdue') query = query.where('o.days_left', '<', 0);
  if (q.due === 'warning') query = query.where('o.days_left', '<', 7);
  if (q.due === 'stopped') query = query.where('o.clock_stopped_on', 'is not', null);
  const cursor = parseCursor(q.after);
  if (cursor) query = query.where(sql<boolean>`(${dueKey}, o.institution_id) > (${cursor.due}::date, ${cursor.id}::uuid)`);
  const rows = await query.execute();
  const items = rows.slice(0, q.limit).map(
    (r): DueItem => ({
      institutionId: r.institution_id!,
      nameAr: r.name_ar,
      nameFr: r.name_fr,
      delegationId: r.delegation_id,
      stage: r.stage as DueItem['stage'],
      clockKind: r.clock_kind as DueItem['clockKind'],
      dueOn: day(r.due_on as unknown as string | null),
      daysLeft: r.days_left,
      warning: r.warning ?? false,
      stopped: r.clock_stopped_on !== null,
      lastStepOn: day(r.last_step_on as unknown as string)!,
    }),
  );
  const last = rows[q.limit - 1];
  return { items, nextCursor: rows.length > q.limit && last ? `${last.due_key}|${last.institution_id}` : null };
}

function parseCursor(after: string | undefined): { due: string; id: string } | undefined {
  if (!after) return undefined;
  const [due, id] = after.split('|');
  if (!due || !/^\d{4}-\d{2}-\d{2}$/.test(due) || !id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { due, id };
}
