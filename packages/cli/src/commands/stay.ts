/**
 * `kamurj stay check`: authorised-stay control for JSON Lines read from standard input (domain
 * reference §2.2; engine in packages/domain/src/stay, decision docs/decisions/0201-stay-engine.md).
 *
 * Input, one person per line:
 *   {"rule":{…},"movements":[{"direction":"entry|exit","date":"YYYY-MM-DD"}],"covered":[{"from":"…","to":"…"}],"controlDate":"YYYY-MM-DD"}
 * Output, one line per non-empty input line, in order:
 *   {"daysUsed":n,"daysRemaining":n|null,"overstayDays":n,"lastLawfulDay":"YYYY-MM-DD"|null,"present":…,"currentStay":…,"window":…,"warnings":[…]}
 * or, for a bad line, {"error":{"code":"…","field":"…","message":"…"}}. A bad line never stops the batch.
 * Other tools depend on this contract: the first four keys and the error shape do not change.
 */
import type { CliIo, Command } from '../command.ts';
import { checkStay, MAX_MOVEMENTS, parseStayCheckInput, StayInputError } from '../../../domain/src/stay/index.ts';

/** Refused before JSON parsing; a person with MAX_MOVEMENTS movements fits comfortably. */
const MAX_LINE_LENGTH = 16 * 1024 * 1024;

const HELP = `Usage: kamurj stay check < persons.jsonl

Computes the authorised-stay state of each person on a control date.

Input (JSON Lines, one person per line; "covered" is optional):
  {"rule":{"kind":"rolling","maxDays":90,"windowDays":180},
   "movements":[{"direction":"entry","date":"2024-01-01"},{"direction":"exit","date":"2024-01-10"}],
   "covered":[{"from":"2024-02-01","to":"2024-03-31"}],
   "controlDate":"2024-05-20"}

Rules:
  {"kind":"calendar-year","maxDays":180}              days in the control date's calendar year
  {"kind":"rolling","maxDays":90,"windowDays":180}     days in the window ending on the control date
  {"kind":"per-stay","maxDays":120}                    length of the current continuous stay
  {"kind":"unlimited"}                                 citizens, residents
Entry and exit days both count; "covered" periods (residence status, long-stay visa) are not counted.
Dates are calendar days YYYY-MM-DD at the crossing point, without time or time zone.

Output: one JSON object per non-empty input line, in order:
  {"daysUsed":89,"daysRemaining":1,"overstayDays":0,"lastLawfulDay":"2024-05-21","present":true,…,"warnings":[]}
  {"error":{"code":"STAY.INVALID_DATE","field":"movements.0.date","message":"…"}}
  daysRemaining is null for "unlimited"; lastLawfulDay is null when the person is not inside (or the
  rule is unlimited), and earlier than controlDate when the person is overstaying. "warnings" lists
  history anomalies (STAY.DOUBLE_ENTRY, STAY.EXIT_WITHOUT_ENTRY, …) and the assumption made.

Options:
  -h, --help      show this help

Limits: ${MAX_MOVEMENTS} movements per person. Empty lines are skipped.
Exit status: 0 when the input was processed (even with bad lines), 2 on usage errors.`;

type LineError = { code: string; field: string; message: string };

// Key order as in the CLI contract: code, field, message.
const errorLine = (e: LineError) => JSON.stringify({ error: { code: e.code, field: e.field, message: e.message } });

function checkLine(line: string): string {
  if (line.length > MAX_LINE_LENGTH) {
    return errorLine({ code: 'STAY.TOO_LONG', field: 'line', message: `Line is ${line.length} characters; the limit is ${MAX_LINE_LENGTH}` });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return errorLine({ code: 'STAY.INVALID_JSON', field: 'line', message: 'The line is not valid JSON' });
  }
  const parsed = parseStayCheckInput(raw);
  if (!parsed.ok) return errorLine(parsed.issue);
  try {
    const r = checkStay(parsed.value);
    return JSON.stringify({
      daysUsed: r.daysUsed,
      daysRemaining: r.daysRemaining,
      overstayDays: r.overstayDays,
      lastLawfulDay: r.lastLawfulDay,
      present: r.present,
      currentStay: r.currentStay,
      window: r.window,
      warnings: r.warnings,
    });
  } catch (e) {
    if (e instanceof StayInputError) return errorLine(e.issue);
    throw e;
  }
}

export const stayCheckCommand: Command = {
  path: ['stay', 'check'],
  summary: 'Authorised-stay control: days used, remaining, overstay and last lawful day per person',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const unknown = args.find((a) => a !== '-h' && a !== '--help');
    if (unknown !== undefined) {
      io.stderr(`kamurj stay check: unknown argument: ${unknown}\n\n${HELP}\n`);
      return 2;
    }
    if (args.length > 0) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    const input = await io.readStdin();
    const out: string[] = [];
    for (const raw of input.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      try {
        out.push(checkLine(line));
      } catch {
        // Defensive: validated input does not make the engine throw, but one line must never end the batch.
        out.push(errorLine({ code: 'STAY.INTERNAL', field: 'line', message: 'Could not check this line' }));
      }
      if (out.length >= 1000) {
        io.stdout(`${out.join('\n')}\n`);
        out.length = 0;
      }
    }
    if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};
