/**
 * `kamurj mrz parse`: reads MRZ documents from standard input (the lines of one document together,
 * documents separated by a blank line) and prints one JSON object per document per line (JSON Lines), in
 * input order. The object is the domain's MrzParseResult (contract in
 * packages/domain/src/documents/mrz/README.md). Exit codes: 0 when documents were read (valid or not),
 * 1 when standard input holds no document, 2 on a usage error.
 */
import type { CliIo, Command } from '../command.ts';
import { parseMrzDocuments } from '../../../domain/src/documents/mrz/index.ts';

const HELP = `Usage: kamurj mrz parse [--no-correct] [--reference-date YYYY-MM-DD]

Reads ICAO 9303 machine-readable zones (TD1, TD2, TD3, MRV-A, MRV-B) from standard input:
the lines of one document together, documents separated by a blank line. Prints one JSON
object per document per line (JSON Lines), in input order. Invalid documents are reported
in their "errors" array; the exit code stays 0.

Options:
  --correct                  Correct OCR confusions (O/0, I/1, S/5, B/8, Z/2, G/6) in dates,
                             check digits, codes and names, only where a check digit then
                             passes; every change is listed in "corrections". (default)
  --no-correct               Report the MRZ exactly as read.
  --reference-date DATE      Date (YYYY-MM-DD) anchoring two-digit years and "expired";
                             default: today (local time).
  -h, --help                 Show this help.

Exit codes: 0 documents parsed (valid or not); 1 no document on standard input; 2 usage error.
`;

function today(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

type Parsed = { help: true } | { help: false; correct: boolean; referenceDate: string } | { error: string };

function parseArgs(args: readonly string[]): Parsed {
  let correct = true;
  let referenceDate: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--correct') correct = true;
    else if (arg === '--no-correct') correct = false;
    else if (arg === '--reference-date' || arg.startsWith('--reference-date=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined || !isCalendarDate(value)) {
        return { error: `--reference-date needs a date YYYY-MM-DD, got ${value === undefined ? 'nothing' : JSON.stringify(value)}` };
      }
      referenceDate = value;
    } else {
      return { error: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  return { help: false, correct, referenceDate: referenceDate ?? today() };
}

export const mrzParseCommand: Command = {
  path: ['mrz', 'parse'],
  summary: 'Parse ICAO 9303 MRZs from standard input into JSON Lines',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args);
    if ('error' in parsed) {
      io.stderr(`kamurj mrz parse: ${parsed.error}\nRun "kamurj mrz parse --help" for usage.\n`);
      return 2;
    }
    if (parsed.help) {
      io.stdout(HELP);
      return 0;
    }
    const input = await io.readStdin();
    const results = parseMrzDocuments(input, { referenceDate: parsed.referenceDate, correct: parsed.correct });
    if (results.length === 0) {
      io.stderr('kamurj mrz parse: no MRZ document on standard input\n');
      return 1;
    }
    io.stdout(results.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return 0;
  },
};
