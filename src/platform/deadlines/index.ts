/**
 * The deadlines platform service: due dates computed from rules that modules declare in code
 * (registerDeadlineRule), reminders and overdue notifications raised by a daily sweep, and the
 * "due and overdue" list of each scope.
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
export { addDays, daysBetween, todayInMorocco } from './server/dates.ts';
