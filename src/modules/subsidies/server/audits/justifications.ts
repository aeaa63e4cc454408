/**
 * Justification of a tranche: the association drafts it, adds lines (ledger payments of the covered
 * institutions or uploaded statements) and submits it; the delegation reviews it. The rules (state
 * order, evidence, amounts never above what was paid) are enforced by the database triggers of
 * migration 0135 whoever writes; this service only shapes requests and answers.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import { hasPermission } from '../../../access/permissions.ts';
import { todayInMorocco } from '../../../../platform/deadlines/index.ts';
import type { AddLineBody, CreateJustificationBody, Justification, ReviewBody } from './contract.ts';
import { findCoveredInstitutions, findJustifications, findLines, findTranchesToJustify } from './justification-queries.ts';

export async function getJustification(tx: Tx, user: CurrentUser, id: string): Promise<Justification> {
  const [head] = await findJustifications(tx, { ids: [id] });
  if (!head) throw notFound();
  const [tranche] = await findTranchesToJustify(tx, { ids: [head.trancheId] });
  if (!tranche) throw notFound();
  const { plannedOn: _plannedOn, ...trancheFigures } = tranche;
  return {
    ...head,
    tranche: trancheFigures,
    lines: await findLines(tx, id),
    institutions: await findCoveredInstitutions(tx, head.trancheId),
    can: {
      edit: head.state === 'draft' && hasPermission(user.role, 'subsidies.justify'),
      review: head.state === 'submitted' && hasPermission(user.role, 'subsidies.manage'),
    },
  };
}

/** A draft on a tranche the user sees (404 otherwise); the database refuses a tranche with nothing paid. */
export async function createJustification(tx: Tx, user: CurrentUser, body: CreateJustificationBody): Promise<Justification> {
  const tranche = await tx.selectFrom('subsidies.tranches').select('id').where('id', '=', body.trancheId).executeTakeFirst();
  if (!tranche) throw notFound();
  const { id } = await tx
    .insertInto('subsidies.justifications')
    .values({ tranche_id: tranche.id, submitted_on: todayInMorocco(), submitted_by: user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getJustification(tx, user, id);
}

async function visibleJustification(tx: Tx, id: string) {
  const row = await tx.selectFrom('subsidies.justifications').select(['id', 'tranche_id', 'state']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function addLine(tx: Tx, user: CurrentUser, id: string, body: AddLineBody): Promise<Justification> {
  await visibleJustification(tx, id);
  let line = { spentOn: body.spentOn, amountMad: body.amountMad, description: body.description ?? undefined };
  if (body.financeEntryId) {
    // What the ledger says is the default: the payment's date, amount and wording.
    const entry = await tx
      .selectFrom('finance.entries')
      .select([sql<string>`entry_date::text`.as('entry_date'), sql<string>`amount_mad::text`.as('amount_mad'), 'description', 'counterparty'])
      .where('id', '=', body.financeEntryId)
      .executeTakeFirst();
    if (!entry) throw invalidFields({ path: 'financeEntryId', key: 'validation.invalid_value' });
    line = {
      spentOn: body.spentOn ?? entry.entry_date,
      amountMad: body.amountMad ?? entry.amount_mad,
      description: body.description ?? (entry.description.trim() || entry.counterparty),
    };
  }
  await tx
    .insertInto('subsidies.justification_lines')
    .values({
      justification_id: id,
      institution_id: body.institutionId,
      finance_entry_id: body.financeEntryId ?? null,
      document_id: body.documentId ?? null,
      spent_on: line.spentOn!,
      description: line.description!,
      amount_mad: line.amountMad!,
    })
    .execute();
  return getJustification(tx, user, id);
}

export async function removeLine(tx: Tx, user: CurrentUser, id: string, lineId: string): Promise<Justification> {
  await visibleJustification(tx, id);
  const removed = await tx.deleteFrom('subsidies.justification_lines').where('id', '=', lineId).where('justification_id', '=', id).executeTakeFirst();
  if (removed.numDeletedRows === 0n) throw notFound();
  return getJustification(tx, user, id);
}

export async function submitJustification(tx: Tx, user: CurrentUser, id: string): Promise<Justification> {
  const row = await visibleJustification(tx, id);
  if (row.state !== 'draft') throw new AppError(409, 'subsidies.errors.justification_state');
  await tx.updateTable('subsidies.justifications').set({ state: 'submitted', submitted_on: todayInMorocco(), submitted_by: user.id }).where('id', '=', id).execute();
  return getJustification(tx, user, id);
}

/**
 * The delegation's decision. "Justified" accepts everything presented, "rejected" nothing; "partly
 * justified" the amount given. The database checks the amount against the lines and what was paid.
 */
export async function reviewJustification(tx: Tx, user: CurrentUser, id: string, body: ReviewBody): Promise<Justification> {
  const row = await visibleJustification(tx, id);
  if (row.state !== 'submitted') throw new AppError(409, 'subsidies.errors.justification_state');
  const accepted =
    body.decision === 'justified' ? sql<string>`subsidies.presented_mad(id)` : body.decision === 'rejected' ? sql<string>`0` : sql<string>`${body.acceptedMad!}::numeric`;
  await tx
    .updateTable('subsidies.justifications')
    .set({
      state: body.decision,
      accepted_mad: accepted,
      review_reason: body.reason ?? null,
      reviewed_by: user.id,
      reviewed_on: todayInMorocco(),
    })
    .where('id', '=', id)
    .execute();
  return getJustification(tx, user, id);
}
