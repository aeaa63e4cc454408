/**
 * The legal basis of the processing of a person's data (law 09-08 art. 4): consent given by the
 * person, the legal representative or the ministry, or one of the exceptions. A consent is
 * withdrawn, never deleted, so the proof of what was allowed at the time remains.
 */
import type { Selectable } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import { notFound } from '../../../../server/errors.ts';
import type { BeneficiariesConsents } from '../../../../server/db/schema.generated.ts';
import type { Consent, ConsentBody, WithdrawConsentBody } from '../../contract/privacy.ts';
import { requireVisiblePerson } from './person.ts';

type Row = Selectable<BeneficiariesConsents>;

const toConsent = (r: Row): Consent => ({
  id: r.id,
  personId: r.person_id,
  basis: r.basis as Consent['basis'],
  purpose: r.purpose as Consent['purpose'],
  purposeDetails: r.purpose_details,
  givenBy: r.given_by as Consent['givenBy'],
  givenByName: r.given_by_name,
  givenOn: r.given_on as unknown as string,
  withdrawnOn: r.withdrawn_on as unknown as string | null,
  withdrawalReason: r.withdrawal_reason,
  active: r.withdrawn_on === null,
  createdAt: r.created_at.toISOString(),
});

export async function listConsents(tx: Tx, personId: string): Promise<Consent[]> {
  await requireVisiblePerson(tx, personId);
  const rows = await tx.selectFrom('beneficiaries.consents').selectAll().where('person_id', '=', personId).orderBy('given_on', 'desc').orderBy('id').execute();
  return rows.map(toConsent);
}

export async function addConsent(tx: Tx, userId: string, personId: string, body: ConsentBody): Promise<Consent> {
  await requireVisiblePerson(tx, personId);
  const row = await tx
    .insertInto('beneficiaries.consents')
    .values({
      person_id: personId,
      basis: body.basis,
      purpose: body.purpose,
      purpose_details: body.purposeDetails ?? null,
      given_by: body.givenBy ?? null,
      given_by_name: body.givenByName ?? null,
      given_on: body.givenOn,
      recorded_by: userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConsent(row);
}

export async function withdrawConsent(tx: Tx, personId: string, consentId: string, body: WithdrawConsentBody): Promise<Consent> {
  await requireVisiblePerson(tx, personId);
  const row = await tx
    .updateTable('beneficiaries.consents')
    .set({ withdrawn_on: body.withdrawnOn, withdrawal_reason: body.reason })
    .where('id', '=', consentId)
    .where('person_id', '=', personId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound();
  return toConsent(row);
}
