/** The audit log reader: entries of the caller's scope, newest first, keyset by sequence number. */
import { scoped, type ServerContext, type Tx } from '../../../server/context.ts';
import type { Api } from '../../../server/module.ts';
import { AuditPage, type AuditEntry, type AuditQuery } from '../contract.ts';
import { AuditQuery as AuditQuerySchema, HistoryPage, HistoryParams, HistoryQuery } from '../contract.ts';
import { notFound } from '../../../server/errors.ts';
import { historyOwner, readHistory } from './history.ts';

export async function readAudit(tx: Tx, q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  let query = tx
    .selectFrom('audit.log as a')
    .leftJoin('access.users as u', 'u.id', 'a.actor_id')
    .select(['a.seq', 'a.at', 'a.actor_id', 'u.username', 'a.table_name', 'a.record_id', 'a.action', 'a.event', 'a.before', 'a.after'])
    .orderBy('a.seq', 'desc')
    .limit(q.limit + 1);
  if (q.after && /^\d+$/.test(q.after)) query = query.where('a.seq', '<', q.after);
  if (q.user) query = query.where('a.actor_id', '=', q.user);
  if (q.table) query = query.where('a.table_name', '=', q.table);
  if (q.record) query = query.where('a.record_id', '=', q.record);
  // Dates are calendar days in Morocco's time zone, both ends included.
  if (q.from) query = query.where('a.at', '>=', new Date(`${q.from}T00:00:00+01:00`));
  if (q.to) query = query.where('a.at', '<', new Date(new Date(`${q.to}T00:00:00+01:00`).getTime() + 86_400_000));
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorUsername: r.username,
      tableName: r.table_name,
      recordId: r.record_id,
      action: r.action as AuditEntry['action'],
      event: r.event,
      before: r.before as AuditEntry['before'],
      after: r.after as AuditEntry['after'],
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.seq : null,
  };
}

export function auditRoutes(api: Api, ctx: ServerContext): void {
  api.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuerySchema, response: { 200: AuditPage } } }, (request) =>
    scoped(ctx, request, 'audit.read', (tx) => readAudit(tx, request.query)),
  );

  // The history of one record (an institution, an association) for whoever may read the record.
  api.get('/api/history/:ownerType/:id', { schema: { tags: ['audit'], params: HistoryParams, querystring: HistoryQuery, response: { 200: HistoryPage } } }, (request) => {
    const owner = historyOwner(request.params.ownerType);
    if (!owner) throw notFound();
    return scoped(ctx, request, owner.readPermission, async (tx) => {
      if (!(await owner.visible(tx, request.params.id))) throw notFound();
      return readHistory(tx, owner, request.params.id, request.query);
    });
  });
}
