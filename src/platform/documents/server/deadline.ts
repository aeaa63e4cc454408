/**
 * Document expiry as a deadline: due on `expires_on`, reminders 30 and 7 days before, then
 * "expired". A new version with a later expiry moves the due date, so reminders start afresh.
 */
import { sql } from 'kysely';
import { registerDeadlineRule } from '../../deadlines/index.ts';
import { registerNotificationCatalog } from '../../notifications/index.ts';
import ar from '../i18n/ar.json' with { type: 'json' };
import fr from '../i18n/fr.json' with { type: 'json' };
import { documentOwner } from './owners.ts';

/** A 'YYYY-MM-DD' string as a date operand (dates stay strings in this code base). */
const day = (d: string) => sql<Date>`${d}::date`;

// Its notifications can be e-mailed: the server renders them from the same catalogs as the web.
registerNotificationCatalog('documents', { ar, fr });

registerDeadlineRule({
  kind: 'documents.expiry',
  labelKey: 'documents:deadline.kind',
  itemKey: 'documents:deadline.item',
  schedule: { type: 'days_after', days: 0 },
  reminders: [30, 7],
  notifyOverdue: true,
  messages: { reminder: 'documents:notifications.expiresSoon', due: 'documents:notifications.expiresToday', overdue: 'documents:notifications.expired' },
  // Those who answer for the premises or the record in its own scope.
  audience: { roles: ['provincial_delegate', 'institution_director', 'association_officer'] },
  permission: 'documents.read',
  subjects: async (tx, q) => {
    let query = tx
      .selectFrom('documents.documents')
      .select(['id', 'owner_type', 'owner_id', 'title', 'category', 'expires_on', 'region_id', 'delegation_id', 'association_id', 'institution_id'])
      .where('expires_on', 'is not', null)
      .where('expires_on', '<=', day(q.dueTo))
      .orderBy('expires_on')
      .orderBy('id')
      .limit(q.limit);
    if (q.dueFrom) query = query.where('expires_on', '>=', day(q.dueFrom));
    const after = q.after;
    if (after?.id) query = query.where(sql<boolean>`(expires_on, id) > (${after.due}::date, ${after.id}::uuid)`);
    else if (after) query = query.where('expires_on', after.inclusive ? '>=' : '>', day(after.due));
    const rows = await query.execute();
    return rows.map((d) => ({
      id: d.id,
      eventDate: d.expires_on as unknown as string,
      scope: { regionId: d.region_id, delegationId: d.delegation_id, associationId: d.association_id, institutionId: d.institution_id },
      params: { title: d.title },
      link: documentOwner(d.owner_type)?.linkOf?.(d.owner_id) ?? null,
    }));
  },
});
