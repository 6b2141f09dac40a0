import type { FieldIssue } from '../../api/client.ts';
import type { PersonView, SectionChanges } from './api.ts';

/**
 * Pure helpers of the person editing forms: what the server accepts for each section (the stored items
 * with their ids, without what the server derives), date checks made before sending, and server field
 * issues turned into "path → issue" so that each form shows them next to the field they name.
 */

export type DateProblem = 'format' | 'notReal' | 'future';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): `format` when not written so, `notReal` when the month
 * or day does not exist, `future` when even its earliest day is after today. Null when acceptable.
 */
export function checkPartialDate(value: string, today: string): DateProblem | null {
  const m = PARTIAL.exec(value);
  if (!m) return 'format';
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < 1800) return 'notReal';
  if (month !== null && (month < 1 || month > 12)) return 'notReal';
  if (day !== null && month !== null && (day < 1 || day > daysIn(year, month))) return 'notReal';
  if (value > today.slice(0, value.length)) return 'future';
  return null;
}

/** A full date (`YYYY-MM-DD`), as a date input gives it. */
export function checkFullDate(value: string, today: string | null): DateProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'format';
  const problem = checkPartialDate(value, '9999-12-31');
  if (problem) return problem;
  return today && value > today ? 'future' : null;
}

export const isoToday = (now = new Date()) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Server field issues by path without the `body.` prefix (`documents.2.number`); the first per path wins. */
export function issuesByPath(issues: readonly FieldIssue[] | undefined): Map<string, FieldIssue> {
  const map = new Map<string, FieldIssue>();
  for (const issue of issues ?? []) {
    const path = issue.field.replace(/^body\.?/, '');
    if (path && !map.has(path)) map.set(path, issue);
  }
  return map;
}

/** The stored items of each section in the shape the server accepts (ids kept; script and kind derived). */
export const sectionInput = {
  names: (p: PersonView): NonNullable<SectionChanges['names']> =>
    p.names.map((n) => ({ id: n.id, surname: n.surname, givenNames: n.givenNames, patronymic: n.patronymic, kind: n.kind, source: n.source })),
  citizenships: (p: PersonView): NonNullable<SectionChanges['citizenships']> => p.citizenships.map((c) => ({ code: c.code })),
  documents: (p: PersonView): NonNullable<SectionChanges['documents']> => p.documents.map((d) => ({ ...d })),
  addresses: (p: PersonView): NonNullable<SectionChanges['addresses']> => p.addresses.map((a) => ({ ...a })),
  contacts: (p: PersonView): NonNullable<SectionChanges['contacts']> => p.contacts.map((c) => ({ ...c })),
};

/** A DOM id for a field path, unique per section: `edit-documents-documents-2-number`. */
export const fieldDomId = (section: string, path: string) => `edit-${section}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** An issue text on its own line (the dictionaries write them to follow "Field: "). */
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
