/**
 * A person's access log for the roles with the privacy duty (law 09-08 art. 24: who read which
 * file and when). Newest first, keyset on the log's id; authors shown by name through
 * audit.actor_names() even when their account lies outside the reader's scope.
 */
import { sql } from 'kysely';
import type { Tx } from '../../../../server/context.ts';
import type { AccessLogEntry } from '../../contract/privacy.ts';
import { requireVisiblePerson } from './person.ts';

export async function readAccessLog(
  tx: Tx,
  personId: string,
  page: { after?: string; limit: number; action?: AccessLogEntry['action'] },
): Promise<{ items: AccessLogEntry[]; nextCursor: string | null }> {
  await requireVisiblePerson(tx, personId);
  let query = tx
    .selectFrom('beneficiaries.access_log as l')
    .leftJoin('beneficiaries.cases as c', 'c.id', 'l.case_id')
    .select(['l.id', 'l.at', 'l.action', 'l.case_id', 'l.user_id', 'c.number as case_number'])
    .where('l.person_id', '=', personId)
    .orderBy('l.id', 'desc')
    .limit(page.limit + 1);
  if (page.action) query = query.where('l.action', '=', page.action);
  if (page.after && /^\d{1,18}$/.test(page.after)) query = query.where('l.id', '<', page.after);
  const rows = await query.execute();
  const items = rows.slice(0, page.limit);
  const userIds = [...new Set(items.map((r) => r.user_id))];
  const users = userIds.length
    ? (await sql<{ id: string; username: string; full_name_ar: string; full_name_fr: string }>`SELECT * FROM audit.actor_names(${userIds}::uuid[])`.execute(tx)).rows
    : [];
  const byId = new Map(users.map((u) => [u.id, { id: u.id, username: u.username, nameAr: u.full_name_ar, nameFr: u.full_name_fr }]));
  return {
    items: items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      action: r.action as AccessLogEntry['action'],
      caseId: r.case_id,
      caseNumber: r.case_number,
      user: byId.get(r.user_id) ?? null,
    })),
    nextCursor: rows.length > page.limit ? String(items[items.length - 1]!.id) : null,
  };
}
