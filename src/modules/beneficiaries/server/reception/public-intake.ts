/**
 * Issue 7's doors into reception: the public site has no account and no scope, so it writes and
 * reads through two narrow SECURITY DEFINER functions (0085) that fix the channel and the point,
 * take the delegation from the commune, and tell a visitor nothing but a request's status, and only
 * for its number together with the phone given with it.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../../server/db/schema.generated.ts';
import type { requestStatuses } from '../../contract/enums.ts';
import { PublicRequestInput } from '../../contract/reception.ts';

type Db = Kysely<DB>;
export type PublicStatus = Exclude<(typeof requestStatuses)[number], 'review'>;

/** Writes the request; returns its number ('R-09001-2026-00042'). Input is validated here too. */
export async function submitPublicRequest(db: Db, input: PublicRequestInput): Promise<string> {
  const p = PublicRequestInput.parse(input);
  const { rows } = await sql<{ number: string }>`
    SELECT beneficiaries.submit_public_request(${p.requesterRelation}, ${p.requesterName}, ${p.requesterPhone}, ${p.communeId}::uuid,
      ${sql.val(p.needs)}::text[], ${sql.val(p.services)}::text[], ${p.summary}, ${p.consentGiven}, ${p.flaggedAutomated}) AS number`.execute(db);
  return rows[0]!.number;
}

/** The status of a public request, or null when the number and the phone do not both match. */
export async function publicRequestStatus(db: Db, number: string, phone: string): Promise<PublicStatus | null> {
  const { rows } = await sql<{ status: string | null }>`SELECT beneficiaries.public_request_status(${number.trim()}, ${phone.trim()}) AS status`.execute(db);
  return (rows[0]?.status ?? null) as PublicStatus | null;
}
