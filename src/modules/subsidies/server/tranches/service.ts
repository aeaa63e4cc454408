/**
 * Writes of the tranches part. The rules themselves live in the database (0133): the period, the
 * yearly amount, the release refusal and its override, the RIB, the amount due; what the service
 * adds is a field-level answer for plain bad input (a date outside the period) before trying, and
 * the reading back of what was written.
 */
import { sql } from 'kysely';
import type { CurrentUser, Tx } from '../../../../server/context.ts';
import { AppError, invalidFields, notFound } from '../../../../server/errors.ts';
import type { ConfirmConditionBody, DisburseBody, PlanTrancheBody, ReleaseTrancheBody, RescheduleTrancheBody, Tranche } from '../../contract/tranches.ts';
import { conventionHead, getTranche } from './queries.ts';

const outsidePeriod = (path: string) => invalidFields({ path, key: 'subsidies.tranches.fields.outside_period' });

export async function planTranche(tx: Tx, conventionId: string, body: PlanTrancheBody): Promise<Tranche> {
  const head = await conventionHead(tx, conventionId);
  if (body.plannedOn < head.starts_on || body.plannedOn > head.ends_on) throw outsidePeriod('plannedOn');
  const year = Number(body.plannedOn.slice(0, 4));
  const known = await sql<{ code: string; blocking_by_default: boolean }>`
    SELECT code, blocking_by_default FROM subsidies.condition_types WHERE active ORDER BY position`.execute(tx);
  const byCode = new Map(known.rows.map((c) => [c.code, c.blocking_by_default]));
  const conditions = body.conditions ?? known.rows.map((c) => ({ code: c.code, blocking: c.blocking_by_default }));
  const unknown = conditions.findIndex((c) => !byCode.has(c.code));
  if (unknown >= 0) throw invalidFields({ path: `conditions.${unknown}.code`, key: 'validation.invalid_value' });
  // The next position in the year; the unique (convention, year, position) key settles a race.
  const inserted = await sql<{ id: string }>`
    INSERT INTO subsidies.tranches (convention_id, year, position, planned_on, amount_mad)
    SELECT ${conventionId}::uuid, ${year}, coalesce(max(t.position), 0) + 1, ${body.plannedOn}::date, ${body.amountMad}::numeric
    FROM subsidies.tranches t WHERE t.convention_id = ${conventionId}::uuid AND t.year = ${year}
    RETURNING id`.execute(tx);
  const id = inserted.rows[0]!.id;
  if (conditions.length > 0) {
    await tx.insertInto('subsidies.tranche_conditions')
      .values(conditions.map((c) => ({ tranche_id: id, condition_code: c.code, blocking: c.blocking })))
      .execute();
  }
  return getTranche(tx, id);
}

export async function rescheduleTranche(tx: Tx, trancheId: string, body: RescheduleTrancheBody): Promise<Tranche> {
  const current = await getTranche(tx, trancheId);
  const head = await conventionHead(tx, current.conventionId);
  if (body.plannedOn < head.starts_on || body.plannedOn > head.ends_on) throw outsidePeriod('plannedOn');
  await sql`UPDATE subsidies.tranches SET planned_on = ${body.plannedOn}::date, amount_mad = ${body.amountMad}::numeric WHERE id = ${trancheId}::uuid`.execute(tx);
  return getTranche(tx, trancheId);
}

export async function deleteTranche(tx: Tx, trancheId: string): Promise<void> {
  const result = await sql`DELETE FROM subsidies.tranches WHERE id = ${trancheId}::uuid`.execute(tx);
  if (!result.numAffectedRows) throw notFound();
}

export async function cancelTranche(tx: Tx, trancheId: string): Promise<Tranche> {
  await getTranche(tx, trancheId);
  await sql`UPDATE subsidies.tranches SET status = 'cancelled' WHERE id = ${trancheId}::uuid`.execute(tx);
  return getTranche(tx, trancheId);
}

/**
 * A hand confirmation (or its withdrawal) of one condition. Who and when are the database's
 * (the session's user, the transaction's time); an auto condition the data decides is not
 * confirmable by hand.
 */
export async function confirmCondition(tx: Tx, trancheId: string, code: string, body: ConfirmConditionBody): Promise<Tranche> {
  const tranche = await getTranche(tx, trancheId);
  const condition = tranche.conditions.find((c) => c.code === code);
  if (!condition) throw notFound();
  if (condition.autoMet !== null) throw new AppError(409, 'subsidies.errors.condition_evaluated');
  await sql`UPDATE subsidies.tranche_conditions SET confirmed = ${body.confirmed}, note = ${body.note ?? null}
    WHERE tranche_id = ${trancheId}::uuid AND condition_code = ${code}`.execute(tx);
  // Reading it back records the day its blocking conditions are all met, if they now are.
  return getTranche(tx, trancheId);
}

/**
 * Release: the database refuses it while a blocking condition is unmet, unless the caller's role
 * may override and gives a written reason (then it records who overrode).
 */
export async function releaseTranche(tx: Tx, user: CurrentUser, trancheId: string, body: ReleaseTrancheBody): Promise<Tranche> {
  await getTranche(tx, trancheId);
  const reason = body.overrideReason ?? null;
  if (reason !== null && reason.length < 10) throw invalidFields({ path: 'overrideReason', key: 'subsidies.tranches.fields.reason_too_short' });
  // overridden_by is the session's user (the trigger sets it); given here only to satisfy the pair check.
  const updated = await sql`UPDATE subsidies.tranches SET status = 'released', override_reason = ${reason},
    overridden_by = ${reason === null ? null : user.id}::uuid WHERE id = ${trancheId}::uuid AND status = 'planned'`.execute(tx);
  if (!updated.numAffectedRows) throw new AppError(409, 'subsidies.errors.tranche_not_planned');
  return getTranche(tx, trancheId);
}

export async function disburse(tx: Tx, trancheId: string, body: DisburseBody): Promise<Tranche> {
  await getTranche(tx, trancheId);
  await sql`INSERT INTO subsidies.disbursements (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib)
    VALUES (${trancheId}::uuid, ${body.paymentOrder}, ${body.paymentReference}, ${body.paidOn}::date, ${body.amountMad}::numeric, ${body.rib})`.execute(tx);
  return getTranche(tx, trancheId);
}
