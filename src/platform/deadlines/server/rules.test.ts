import { describe, expect, it } from 'vitest';
import { addDays, dayInYear, daysBetween, todayInMorocco } from './dates.ts';
import { dueDateOf, fixedDueDate, stageOf, stateOf } from './rules.ts';

describe('deadline computation', () => {
  it('days_after counts calendar days, across months, years and 29 February', () => {
    const rule = { schedule: { type: 'days_after' as const, days: 30 }, reminders: [] };
    expect(dueDateOf(rule, { eventDate: '2026-01-31' }, '2026-01-01')).toBe('2026-03-02');
    expect(dueDateOf(rule, { eventDate: '2028-02-10' }, '2028-01-01')).toBe('2028-03-11');
    expect(dueDateOf(rule, { eventDate: '2026-12-15' }, '2026-01-01')).toBe('2027-01-14');
    expect(dueDateOf({ ...rule, schedule: { type: 'days_after', days: 0 } }, { eventDate: '2026-05-05' }, '2026-01-01')).toBe('2026-05-05');
    expect(dueDateOf(rule, {}, '2026-01-01')).toBeUndefined();
    expect(daysBetween('2026-12-25', '2027-01-05')).toBe(11);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('fixed_day_of_year: this year until due, then overdue until the next reminders begin', () => {
    const dec15 = { month: 12, day: 15 };
    expect(fixedDueDate(dec15, '2026-11-23', [30, 7, 1])).toBe('2026-12-15');
    expect(fixedDueDate(dec15, '2026-12-15', [30, 7, 1])).toBe('2026-12-15');
    expect(fixedDueDate(dec15, '2026-12-16', [30, 7, 1])).toBe('2026-12-15');
    // Across New Year it is still last year's plan that is overdue…
    expect(fixedDueDate(dec15, '2027-01-02', [30, 7, 1])).toBe('2026-12-15');
    // …until the next one's first reminder.
    expect(fixedDueDate(dec15, '2027-11-14', [30, 7, 1])).toBe('2026-12-15');
    expect(fixedDueDate(dec15, '2027-11-15', [30, 7, 1])).toBe('2027-12-15');
  });

  it('fixed_day_of_year rolls over the year for an early-January day with a December reminder', () => {
    const jan15 = { month: 1, day: 15 };
    expect(fixedDueDate(jan15, '2026-12-15', [30])).toBe('2026-01-15');
    expect(fixedDueDate(jan15, '2026-12-16', [30])).toBe('2027-01-15');
    expect(fixedDueDate(jan15, '2027-01-15', [30])).toBe('2027-01-15');
    // 29 February falls on the 28th in common years.
    expect(fixedDueDate({ month: 2, day: 29 }, '2027-02-25', [7])).toBe('2027-02-28');
    expect(fixedDueDate({ month: 2, day: 29 }, '2028-02-25', [7])).toBe('2028-02-29');
    expect(dayInYear(2028, 2, 29)).toBe('2028-02-29');
  });

  it('notifies the latest reminder reached, the due day, then overdue', () => {
    const rule = { reminders: [30, 7, 1], notifyOverdue: true };
    const due = '2026-12-15';
    expect(stageOf(rule, due, '2026-11-14')).toBeUndefined();
    expect(stageOf(rule, due, '2026-11-15')).toEqual({ type: 'reminder', days: 30 });
    expect(stageOf(rule, due, '2026-12-07')).toEqual({ type: 'reminder', days: 30 });
    expect(stageOf(rule, due, '2026-12-08')).toEqual({ type: 'reminder', days: 7 });
    // A sweep missed for days catches up with the latest reminder only.
    expect(stageOf(rule, due, '2026-12-14')).toEqual({ type: 'reminder', days: 1 });
    expect(stageOf(rule, due, '2026-12-15')).toEqual({ type: 'due' });
    expect(stageOf(rule, due, '2026-12-16')).toEqual({ type: 'overdue' });
    expect(stageOf({ reminders: [7], notifyOverdue: false }, due, '2026-12-20')).toBeUndefined();
    expect([stateOf(due, '2026-12-14'), stateOf(due, due), stateOf(due, '2026-12-16')]).toEqual(['upcoming', 'due_today', 'overdue']);
  });

  it("today is Morocco's calendar day", () => {
    // 23:30 UTC on 31 December is already 1 January in Casablanca (UTC+1).
    expect(todayInMorocco(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInMorocco(new Date('2026-06-15T10:00:00Z'))).toBe('2026-06-15');
  });
});
