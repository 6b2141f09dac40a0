/**
 * Holiday calendars shipped with the domain, one per country profile. The server builds the calendar once
 * at start with the profile's working week: `calendarFor(profile.country, profile.legal.workingWeek)`.
 */
import arm from './ARM.json' with { type: 'json' };
import kaz from './KAZ.json' with { type: 'json' };
import { buildCalendar, type HolidayCalendarData, type WorkingCalendar } from '../calendar.ts';

export const HOLIDAY_CALENDARS: Readonly<Record<string, HolidayCalendarData>> = {
  ARM: arm as HolidayCalendarData,
  KAZ: kaz as HolidayCalendarData,
};

/** Throws when the country has no calendar: deadlines must never be counted on a guessed calendar. */
export function calendarFor(country: string, workingWeek?: readonly number[]): WorkingCalendar {
  const data = HOLIDAY_CALENDARS[country];
  if (!data) throw new Error(`No holiday calendar for ${country}; add packages/domain/src/casework/calendars/${country}.json`);
  return buildCalendar(data, workingWeek);
}
