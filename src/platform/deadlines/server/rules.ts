/**
 * Deadline rules, declared in code by the modules, and the pure computation of due dates and of
 * the notification stage a deadline has reached on a given day.
 */
import type { Tx } from '../../../server/context.ts';
import type { Permission } from '../../../modules/access/permissions.ts';
import type { Audience, ScopeKeys } from '../../notifications/index.ts';
import { addDays, dayInYear, daysBetween } from './dates.ts';

export type DeadlineSchedule =
  /** Due a number of calendar days after an event date carried by each record (0: on that date). */
  | { type: 'days_after'; days: number }
  /** Due every year on the same day (e.g. 15 December). */
  | { type: 'fixed_day_of_year'; month: number; day: number };

/** One record subject to a rule. */
export interface DeadlineSubject {
  id: string;
  /** The event of a days_after rule ('YYYY-MM-DD'). */
  eventDate?: string;
  scope: ScopeKeys;
  /** Parameters of the rule's messages (a title, the names of a delegation…). */
  params: Record<string, string | number>;
  link: string | null;
}

export interface SubjectQuery {
  /** Only subjects due on or before / on or after these days (computed by the rule's schedule). */
  dueFrom?: string;
  dueTo: string;
  /** Keyset: strictly after this (due, id), or with only `due`, from/after that day. */
  after?: { due: string; id?: string; inclusive: boolean };
  limit: number;
}

export interface DeadlineRule {
  /** 'documents.expiry', 'planning.action_plan'… */
  kind: string;
  /** Catalog key of the kind's name (filters, list). */
  labelKey: string;
  /** Catalog key of one deadline's line in the list, with the subject's params. */
  itemKey: string;
  schedule: DeadlineSchedule;
  /** Reminders, in days before the due date (e.g. [30, 7, 1]). */
  reminders: readonly number[];
  /** Notify on the due day, and once overdue. */
  notifyOverdue: boolean;
  /** Catalog keys of the notifications, with the subject's params plus date and days. */
  messages: { reminder: string; due: string; overdue: string };
  /** Who is notified: users whose scope covers the subject, with these roles or permissions. */
  audience: Audience;
  /** Needed to see this kind of deadline on the "due and overdue" page. */
  permission: Permission;
  /**
   * The subjects, in the caller's scope, ordered by (due date, id), within the query's due range.
   * For days_after rules the query is on the event date; fixedDue gives the one due date of a
   * fixed_day_of_year rule (all subjects share it).
   */
  subjects(tx: Tx, query: SubjectQuery, fixedDue: string | undefined): Promise<DeadlineSubject[]>;
}

/**
 * The due date of a yearly deadline that matters today: the next occurrence once its reminders
 * have begun, else the previous one (still overdue until then). So a 15 January deadline with a
 * 30-day reminder is next year's from 16 December on, and a 15 December one stays overdue after
 * New Year until its next reminders start.
 */
export function fixedDueDate(schedule: { month: number; day: number }, today: string, reminders: readonly number[]): string {
  const year = Number(today.slice(0, 4));
  const thisYear = dayInYear(year, schedule.month, schedule.day);
  const next = thisYear >= today ? thisYear : dayInYear(year + 1, schedule.month, schedule.day);
  const previous = next === thisYear ? dayInYear(year - 1, schedule.month, schedule.day) : thisYear;
  const lead = Math.max(0, ...reminders);
  return today >= addDays(next, -lead) ? next : previous;
}

export function dueDateOf(rule: Pick<DeadlineRule, 'schedule' | 'reminders'>, subject: Pick<DeadlineSubject, 'eventDate'>, today: string): string | undefined {
  if (rule.schedule.type === 'fixed_day_of_year') return fixedDueDate(rule.schedule, today, rule.reminders);
  return subject.eventDate ? addDays(subject.eventDate, rule.schedule.days) : undefined;
}

export type DeadlineState = 'upcoming' | 'due_today' | 'overdue';
export const stateOf = (due: string, today: string): DeadlineState => (due > today ? 'upcoming' : due === today ? 'due_today' : 'overdue');

/**
 * What to notify today: the latest reminder whose day has come (a missed sweep catches up with
 * the latest one only), the due day, or overdue. Undefined: nothing yet (too early).
 */
export type Stage = { type: 'reminder'; days: number } | { type: 'due' } | { type: 'overdue' };

export function stageOf(rule: Pick<DeadlineRule, 'reminders' | 'notifyOverdue'>, due: string, today: string): Stage | undefined {
  const left = daysBetween(today, due);
  if (left < 0) return rule.notifyOverdue ? { type: 'overdue' } : undefined;
  if (left === 0) return rule.notifyOverdue ? { type: 'due' } : undefined;
  const reached = rule.reminders.filter((r) => r > 0 && left <= r);
  return reached.length ? { type: 'reminder', days: Math.min(...reached) } : undefined;
}

/** A stage is notified once per subject and due date: the dedupe key says which. */
export const stageKey = (stage: Stage): string => (stage.type === 'reminder' ? `r${stage.days}` : stage.type);

const rules = new Map<string, DeadlineRule>();

export function registerDeadlineRule(rule: DeadlineRule): void {
  if (!/^[a-z][a-z0-9_.]{1,62}$/.test(rule.kind)) throw new Error(`invalid deadline kind: ${rule.kind}`);
  rules.set(rule.kind, rule);
}

export const deadlineRules = (): DeadlineRule[] => [...rules.values()].sort((a, b) => a.kind.localeCompare(b.kind));
export const deadlineRule = (kind: string): DeadlineRule | undefined => rules.get(kind);

/** The furthest day a reminder of this rule looks ahead. */
export const leadDays = (rule: Pick<DeadlineRule, 'reminders'>): number => Math.max(0, ...rule.reminders);
