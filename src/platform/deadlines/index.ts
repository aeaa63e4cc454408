/**
 * The deadlines platform service: due dates computed from rules that modules declare in code
 * (registerDeadlineRule), reminders and overdue notifications raised by a daily sweep, and the
 * "due and overdue" list of each scope. Modules may also give the sweep work of their own to do
 * first, once a day (registerDailyTask).
 */
export { deadlinesModule } from './module.ts';
export {
  registerDeadlineRule,
  deadlineRules,
  dueDateOf,
  fixedDueDate,
  stageOf,
  stateOf,
  type DeadlineRule,
  type DeadlineSchedule,
  type DeadlineSubject,
  type SubjectQuery,
  type Stage,
} from './server/rules.ts';
export { runDeadlineSweep, startDeadlineTimer, asSystem } from './server/sweep.ts';
export { registerDailyTask, type DailyTask } from './server/daily.ts';
export { addDays, daysBetween, todayInMorocco } from './server/dates.ts';
