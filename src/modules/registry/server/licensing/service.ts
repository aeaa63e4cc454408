/**
 * Writes of the licensing lifecycle: each step is one INSERT into registry.licensing_steps; the
 * database's trigger (0055) decides whether it may follow, keeps the state and the clock, and
 * writes the institution's status and licence. This code only maps the request and checks the
 * permission (recording is the administration's; declaring a change is also the founder's).
 */
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { forbidden, notFound } from '../../../../server/errors.ts';
import type { CompleteFileBody, Licensing, RequestDocumentBody, StepBody } from '../../contract/licensing.ts';
import { getLicensingOf, institutionHead } from './queries.ts';

interface StepRow {
  institution_id: string;
  kind: string;
  occurred_on: string;
  opinion?: string;
  outcome?: string;
  licence_number?: string;
  licence_date?: string;
  reasons?: string | null;
  note?: string | null;
  requested_item?: string | null;
  change_subject?: string;
  change_on?: string;
  change_id?: string;
  regularise_by?: string;
}

function rowOf(institutionId: string, body: StepBody): StepRow {
  const base = { institution_id: institutionId, occurred_on: body.occurredOn, note: body.note ?? null };
  switch (body.kind) {
    case 'application_filed':
    case 'file_sent':
    case 'reinstated':
    case 'closure_notified':
    case 'closed':
      return { ...base, kind: body.kind };
    case 'committee_opinion':
      return { ...base, kind: body.kind, opinion: body.opinion };
    case 'ministry_decision':
      return { ...base, kind: body.kind, outcome: 'authorised', licence_number: body.licenceNumber, licence_date: body.licenceDate };
    case 'ministry_refusal':
      return { ...base, kind: 'ministry_decision', outcome: 'refused', reasons: body.reasons };
    case 'change_declared':
      return { ...base, kind: body.kind, change_on: body.changeOn, change_subject: body.changeSubject, ...(body.changeId && { change_id: body.changeId }) };
    case 'change_decided':
      return { ...base, kind: body.kind, change_id: body.changeId, outcome: body.outcome, reasons: body.reasons ?? null };
    case 'warning':
    case 'reprimand':
      return { ...base, kind: body.kind, reasons: body.reasons, ...(body.regulariseBy && { regularise_by: body.regulariseBy }) };
    case 'suspended':
    case 'withdrawn_temporarily':
    case 'withdrawn_permanently':
      return { ...base, kind: body.kind, reasons: body.reasons };
  }
}

async function visible(tx: Tx, institutionId: string): Promise<void> {
  if (!(await institutionHead(tx, institutionId))) throw notFound();
}

async function insertStep(tx: Tx, row: StepRow): Promise<Licensing> {
  // seq and stage are NOT NULL but set by the trigger, never by the caller.
  await tx.insertInto('registry.licensing_steps').values(row as StepRow & { seq: number; stage: string }).execute();
  return (await getLicensingOf(tx, row.institution_id))!;
}

export async function getLicensing(tx: Tx, institutionId: string): Promise<Licensing> {
  const found = await getLicensingOf(tx, institutionId);
  if (!found) throw notFound();
  return found;
}

export async function recordStep(tx: Tx, user: CurrentUser, institutionId: string, body: StepBody): Promise<Licensing> {
  // Art. 17: the founder (association officer, director) declares changes; the rest is the administration's.
  const permission = body.kind === 'change_declared' ? 'licensing.declare' : 'licensing.record';
  if (!hasPermission(user.role, permission)) throw forbidden();
  await visible(tx, institutionId);
  return insertStep(tx, rowOf(institutionId, body));
}

/** The administration asks for a missing document: the clock of the current step stops. */
export async function requestDocument(tx: Tx, institutionId: string, body: RequestDocumentBody): Promise<Licensing> {
  await visible(tx, institutionId);
  return insertStep(tx, { institution_id: institutionId, kind: 'document_requested', occurred_on: body.occurredOn, requested_item: body.item ?? null, note: body.note ?? null });
}

/** The file is complete again: the clock restarts from zero with the full delay. */
export async function completeFile(tx: Tx, institutionId: string, body: CompleteFileBody): Promise<Licensing> {
  await visible(tx, institutionId);
  return insertStep(tx, { institution_id: institutionId, kind: 'file_completed', occurred_on: body.occurredOn, note: body.note ?? null });
}
