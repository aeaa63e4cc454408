/**
 * The "due and overdue" list: every rule's subjects in the caller's scope, merged in the order
 * (due date, kind, subject id) and paged by keyset on that triple.
 */
import type { CurrentUser, Tx } from '../../../server/context.ts';
import { hasPermission } from '../../../modules/access/permissions.ts';
import type { Deadline, DeadlineQuery } from '../contract.ts';
import { addDays, daysBetween } from './dates.ts';
import { deadlineRules, dueDateOf, fixedDueDate, stateOf, type DeadlineRule, type DeadlineSubject, type SubjectQuery } from './rules.ts';

interface Cursor {
  due: string;
  kind: string;
  id: string;
}

function parseCursor(after: string | undefined): Cursor | undefined {
  if (!after) return undefined;
  const [due, kind, id] = after.split('|');
  if (!due || !/^\d{4}-\d{2}-\d{2}$/.test(due) || !kind || !id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { due, kind, id };
}

export interface DueRange {
  dueFrom?: string;
  dueTo: string;
}

/** One rule's subjects due within the range, after the cursor, with their due dates. */
export async function subjectsOf(
  tx: Tx,
  rule: DeadlineRule,
  today: string,
  range: DueRange,
  cursor: Cursor | undefined,
  limit: number,
): Promise<{ subject: DeadlineSubject; due: string }[]> {
  let after: SubjectQuery['after'];
  if (cursor) {
    if (rule.kind < cursor.kind) after = { due: cursor.due, inclusive: false };
    else if (rule.kind === cursor.kind) after = { due: cursor.due, id: cursor.id, inclusive: false };
    else after = { due: cursor.due, inclusive: true };
  }
  let fixedDue: string | undefined;
  let query: SubjectQuery = { dueFrom: range.dueFrom, dueTo: range.dueTo, after, limit };
  if (rule.schedule.type === 'fixed_day_of_year') {
    fixedDue = fixedDueDate(rule.schedule, today, rule.reminders);
    if ((range.dueFrom && fixedDue < range.dueFrom) || fixedDue > range.dueTo) return [];
    if (after && (fixedDue < after.due || (fixedDue === after.due && !after.inclusive && !after.id))) return [];
  } else {
    // days_after rules select on their event date: shift the range back.
    const back = -rule.schedule.days;
    query = {
      dueFrom: range.dueFrom && addDays(range.dueFrom, back),
      dueTo: addDays(range.dueTo, back),
      after: after && { ...after, due: addDays(after.due, back) },
      limit,
    };
  }
  const subjects = await rule.subjects(tx, query, fixedDue);
  return subjects.flatMap((subject) => {
    const due = dueDateOf(rule, subject, today);
    return due ? [{ subject, due }] : [];
  });
}

export async function listDeadlines(tx: Tx, user: CurrentUser, q: DeadlineQuery, today: string): Promise<{ items: Deadline[]; nextCursor: string | null }> {
  const rules = deadlineRules().filter((r) => hasPermission(user.role, r.permission) && (!q.kind || r.kind === q.kind));
  const range: DueRange =
    q.state === 'overdue' ? { dueTo: addDays(today, -1) } : q.state === 'due_today' ? { dueFrom: today, dueTo: today } : q.state === 'upcoming' ? { dueFrom: addDays(today, 1), dueTo: addDays(today, q.horizon) } : { dueTo: addDays(today, q.horizon) };
  const cursor = parseCursor(q.after);
  const merged: Deadline[] = [];
  for (const rule of rules) {
    for (const { subject, due } of await subjectsOf(tx, rule, today, range, cursor, q.limit + 1)) {
      merged.push({
        kind: rule.kind,
        labelKey: rule.labelKey,
        itemKey: rule.itemKey,
        subjectId: subject.id,
        params: subject.params,
        link: subject.link,
        dueOn: due,
        state: stateOf(due, today),
        daysLeft: daysBetween(today, due),
      });
    }
  }
  merged.sort((a, b) => (a.dueOn !== b.dueOn ? (a.dueOn < b.dueOn ? -1 : 1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  const page = merged.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: merged.length > q.limit && last ? `${last.dueOn}|${last.kind}|${last.subjectId}` : null };
}
