/**
 * The licensing deadlines (law 65-15 arts. 14, 17, 32): the enquiry committee's opinion (30 days
 * after filing), the ministry's decision (60 days after the file is sent), the declaration of a
 * change (8 days after it) and the end of a closure's 6 months' notice. Due days come from the
 * database's overview views (0055), the same ones the API shows: a stopped clock (missing
 * document) has no due day, so nothing is raised until the file is complete again. Reminder 7
 * days before (the warning threshold of the screens), then on the day and once overdue.
 */
import { sql, type RawBuilder } from 'kysely';
import { registerDeadlineRule, type DeadlineSubject, type SubjectQuery } from '../../../../platform/deadlines/index.ts';
import { registerNotificationCatalog } from '../../../../platform/notifications/index.ts';
import type { Role } from '../../../access/permissions.ts';
import ar from '../../i18n/ar.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };

registerNotificationCatalog('registry', { ar, fr });

const institutionLink = (id: string) => `/registry/institutions/${id}?tab=licensing`;

/** The range and keyset of a deadline query on a due day column (the rules are due on that day: days 0). */
function dueWithin(due: RawBuilder<unknown>, id: RawBuilder<unknown>, q: SubjectQuery): RawBuilder<boolean> {
  const parts = [sql`${due} <= ${q.dueTo}::date`];
  if (q.dueFrom) parts.push(sql`${due} >= ${q.dueFrom}::date`);
  if (q.after?.id) parts.push(sql`(${due}, ${id}) > (${q.after.due}::date, ${q.after.id}::uuid)`);
  else if (q.after) parts.push(q.after.inclusive ? sql`${due} >= ${q.after.due}::date` : sql`${due} > ${q.after.due}::date`);
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}

interface ClockRule {
  kind: string;
  messages: string;
  clock: 'committee_opinion' | 'ministry_decision' | 'closure_notice';
  roles: Role[];
}

const clockRules: ClockRule[] = [
  { kind: 'registry.licensing.committee_opinion', messages: 'committeeOpinion', clock: 'committee_opinion', roles: ['provincial_delegate'] },
  { kind: 'registry.licensing.ministry_decision', messages: 'ministryDecision', clock: 'ministry_decision', roles: ['provincial_delegate', 'regional_coordinator'] },
  { kind: 'registry.licensing.closure_notice', messages: 'closureNotice', clock: 'closure_notice', roles: ['provincial_delegate', 'institution_director', 'association_officer'] },
];

const messagesOf = (name: string) => ({
  labelKey: `registry:licensing.deadlines.${name}.kind`,
  itemKey: `registry:licensing.deadlines.${name}.item`,
  messages: {
    reminder: `registry:licensing.deadlines.${name}.reminder`,
    due: `registry:licensing.deadlines.${name}.due`,
    overdue: `registry:licensing.deadlines.${name}.overdue`,
  },
});

for (const rule of clockRules) {
  registerDeadlineRule({
    kind: rule.kind,
    ...messagesOf(rule.messages),
    schedule: { type: 'days_after', days: 0 },
    reminders: [7],
    notifyOverdue: true,
    audience: { roles: rule.roles },
    permission: 'registry.read',
    subjects: async (tx, q): Promise<DeadlineSubject[]> => {
      const rows = await tx
        .selectFrom('registry.licensing_overview as o')
        .innerJoin('registry.institutions as i', 'i.id', 'o.institution_id')
        .select(['o.institution_id as id', 'o.due_on', 'o.region_id', 'o.delegation_id', 'o.association_id', 'i.name_ar', 'i.name_fr'])
        .where('o.clock_kind', '=', rule.clock)
        .where('o.due_on', 'is not', null)
        .where(dueWithin(sql.ref('o.due_on'), sql.ref('o.institution_id'), q))
        .orderBy('o.due_on')
        .orderBy('o.institution_id')
        .limit(q.limit)
        .execute();
      return rows.map((r) => ({
        id: r.id!,
        eventDate: r.due_on as unknown as string,
        scope: { regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id, institutionId: r.id },
        params: { nameAr: r.name_ar, nameFr: r.name_fr },
        link: institutionLink(r.id!),
      }));
    },
  });
}

// Art. 17: a change noted on the record of an authorised institution is declared within 8 days,
// by its founder or director (the delegation is told as well).
registerDeadlineRule({
  kind: 'registry.licensing.change_declaration',
  ...messagesOf('changeDeclaration'),
  schedule: { type: 'days_after', days: 0 },
  reminders: [7],
  notifyOverdue: true,
  audience: { roles: ['provincial_delegate', 'institution_director', 'association_officer'] },
  permission: 'registry.read',
  subjects: async (tx, q) => {
    const rows = await tx
      .selectFrom('registry.licensing_open_changes as c')
      .innerJoin('registry.institutions as i', 'i.id', 'c.institution_id')
      .select(['c.id', 'c.institution_id', 'c.due_on', 'c.region_id', 'c.delegation_id', 'c.association_id', 'i.name_ar', 'i.name_fr'])
      .where(dueWithin(sql.ref('c.due_on'), sql.ref('c.id'), q))
      .orderBy('c.due_on')
      .orderBy('c.id')
      .limit(q.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id!,
      eventDate: r.due_on as unknown as string,
      scope: { regionId: r.region_id, delegationId: r.delegation_id, associationId: r.association_id, institutionId: r.institution_id },
      params: { nameAr: r.name_ar, nameFr: r.name_fr },
      link: institutionLink(r.institution_id!),
    }));
  },
});
