/**
 * Deadlines as data: started and stopped by actions, counted in calendar or working days on the country's
 * calendar. A deadline is breached when it was still running after its due date: the action on the due
 * date itself is in time.
 */
import { z } from 'zod';
import { addWorkingDays, nextWorkingDay, workingDaysBetween, type WorkingCalendar } from './calendar.ts';
import { addCalendarDays, calendarDaysBetween, type IsoDate } from './dates.ts';

export const codeSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: 'Expected a kebab-case code' });

export const deadlineSpecSchema = z.strictObject({
  code: codeSchema,
  label: z.string().min(1),
  unit: z.enum(['working-days', 'calendar-days']),
  length: z.number().int().min(0).max(3660),
  /** `after` the anchor (a time limit) or `before` it (a last day to act ahead of an event). */
  direction: z.enum(['after', 'before']).default('after'),
  /** A date field of the starting action's payload to count from; absent: the starting action's date. */
  anchorField: z.string().optional(),
  /** Actions that start (or restart) the deadline. */
  startOn: z.array(codeSchema).min(1),
  /** Actions that stop it. Reaching a terminal status stops every running deadline. */
  stopOn: z.array(codeSchema).default([]),
  /** Calendar-day limits: whether a due date on a non-working day moves to the next working day. */
  dueOnNonWorkingDay: z.enum(['keep', 'next-working-day']).default('keep'),
  /** Remind this many working days before the due date. */
  remindBefore: z.number().int().min(1).max(365).optional(),
  /** Legal source of the time limit. */
  basis: z.string().optional(),
});
export type DeadlineSpec = z.output<typeof deadlineSpecSchema>;
export type DeadlineSpecInput = z.input<typeof deadlineSpecSchema>;

/** Due date of a deadline counted from `startDate` (the anchor). */
export function dueDate(spec: Pick<DeadlineSpec, 'unit' | 'length' | 'direction' | 'dueOnNonWorkingDay'>, startDate: IsoDate, calendar: WorkingCalendar): IsoDate {
  const n = (spec.direction ?? 'after') === 'before' ? -spec.length : spec.length;
  if (spec.unit === 'working-days') return addWorkingDays(startDate, n, calendar);
  const due = addCalendarDays(startDate, n);
  return spec.dueOnNonWorkingDay === 'next-working-day' ? nextWorkingDay(due, calendar) : due;
}

/** The day on which a reminder is due, or null when the deadline has none. */
export function reminderDate(spec: Pick<DeadlineSpec, 'remindBefore'>, due: IsoDate, calendar: WorkingCalendar): IsoDate | null {
  return spec.remindBefore === undefined ? null : addWorkingDays(due, -spec.remindBefore, calendar);
}

/** One run of a deadline as the fold records it. */
export interface DeadlineRun {
  code: string;
  startedOn: IsoDate;
  /** Version (sequence number) of the action that started it. */
  startedBy: number;
  dueOn: IsoDate;
  remindOn: IsoDate | null;
  stoppedOn: IsoDate | null;
  /** Code of the action that stopped it. */
  stoppedBy: string | null;
}

/** A deadline as seen on a given day. */
export interface DeadlineState extends DeadlineRun {
  label: string;
  unit: DeadlineSpec['unit'];
  running: boolean;
  /** It ran past its due date (stopped late, or still running after the due date). */
  breached: boolean;
  /** A reminder is due: running, not breached, on or after the reminder day. */
  reminderDue: boolean;
  /** Days (in the deadline's unit) from the as-of day to the due date; negative when overdue; null when stopped. */
  remaining: number | null;
  asOf: IsoDate;
}

/** Breached as of a day: still running after the due date, or stopped after it. */
export const isBreached = (run: Pick<DeadlineRun, 'dueOn' | 'stoppedOn'>, asOf: IsoDate): boolean => (run.stoppedOn ?? asOf) > run.dueOn;

export function deadlineState(spec: DeadlineSpec, run: DeadlineRun, asOf: IsoDate, calendar: WorkingCalendar): DeadlineState {
  const running = run.stoppedOn === null;
  const breached = isBreached(run, asOf);
  const remaining = !running ? null : spec.unit === 'working-days' ? workingDaysBetween(asOf, run.dueOn, calendar) : calendarDaysBetween(asOf, run.dueOn);
  return {
    ...run,
    label: spec.label,
    unit: spec.unit,
    running,
    breached,
    reminderDue: running && !breached && run.remindOn !== null && asOf >= run.remindOn,
    remaining,
    asOf,
  };
}
