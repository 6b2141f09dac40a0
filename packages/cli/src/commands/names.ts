/**
 * `kamurj names score`: scores JSON Lines of person pairs read from standard input.
 *
 * Input, one pair per line: {"a":{"name":"…","birthDate":"YYYY[-MM[-DD]]","sex":"M|F","nationality":"ARM"},"b":{…}}
 * Output, one line per input line, in order: {"score":0.93,"match":true,"explanation":{…}} or, for a bad
 * line, {"error":{"code":"…","field":"…","message":"…"}}. A bad line never stops the batch.
 */
import type { CliIo, Command } from '../command.ts';
import {
  DEFAULT_THRESHOLD,
  MAX_NAME_LENGTH,
  parsePersonInput,
  prepareRecord,
  scorePrepared,
} from '../../../domain/src/names/index.ts';

/**
 * Lines longer than this are refused before JSON parsing. High enough that a 10 MB name is still parsed
 * and reported precisely (NAMES.TOO_LONG on `a.name`); names themselves are capped at MAX_NAME_LENGTH.
 */
const MAX_LINE_LENGTH = 16 * 1024 * 1024;

const HELP = `Usage: kamurj names score [--threshold N] < pairs.jsonl

Scores pairs of person records across scripts and romanizations.

Input (JSON Lines, one pair per line; everything but "name" is optional):
  {"a":{"name":"Հովհաննիսյան Արամ","birthDate":"1980-03-04","sex":"M","nationality":"ARM"},
   "b":{"name":"OGANESIAN ARAM","birthDate":"1980","documents":[{"number":"AN1234567","issuer":"ARM"}]}}
  Also accepted per person: "otherNames": ["…"] (other written forms of the same name).

Output: one JSON object per input line, in order:
  {"score":0.93,"match":true,"explanation":{…}}
  {"error":{"code":"NAMES.TOO_LONG","field":"a.name","message":"…"}}

Options:
  --threshold N   match threshold in [0, 1] (default ${DEFAULT_THRESHOLD})
  -h, --help      show this help

Limits: names longer than ${MAX_NAME_LENGTH} characters are rejected (NAMES.TOO_LONG).
Exit status: 0 when the input was processed (even with bad lines), 2 on usage errors.`;

type LineError = { code: string; field: string; message: string };

function parseArgs(args: readonly string[]): { threshold: number; help: boolean } | { usage: string } {
  let threshold = DEFAULT_THRESHOLD;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--threshold' || arg.startsWith('--threshold=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
      if (!Number.isFinite(n) || n < 0 || n > 1) return { usage: `--threshold needs a number in [0, 1], got ${value ?? '(nothing)'}` };
      threshold = n;
    } else return { usage: `unknown argument: ${arg}` };
  }
  return { threshold, help };
}

function scoreLine(line: string, threshold: number): string {
  // Key order as in the CLI contract: code, field, message.
  const error = (e: LineError) => JSON.stringify({ error: { code: e.code, field: e.field, message: e.message } });
  if (line.trim() === '') return error({ code: 'NAMES.EMPTY_LINE', field: 'line', message: 'Empty line' });
  if (line.length > MAX_LINE_LENGTH) {
    return error({ code: 'NAMES.TOO_LONG', field: 'line', message: `Line is ${line.length} characters; the limit is ${MAX_LINE_LENGTH}` });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return error({ code: 'NAMES.INVALID_JSON', field: 'line', message: 'The line is not valid JSON' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return error({ code: 'NAMES.INVALID_PAIR', field: 'line', message: 'Expected an object {"a":{…},"b":{…}}' });
  }
  const pair = parsed as Record<string, unknown>;
  const a = parsePersonInput(pair.a, 'a');
  if (!a.ok) return error(a.issue);
  const b = parsePersonInput(pair.b, 'b');
  if (!b.ok) return error(b.issue);
  const result = scorePrepared(prepareRecord(a.value), prepareRecord(b.value), { threshold });
  return JSON.stringify({ score: result.score, match: result.match, explanation: result.explanation });
}

export const namesScoreCommand: Command = {
  path: ['names', 'score'],
  summary: 'Score pairs of person records (names across scripts, birth date, sex, nationality)',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const parsed = parseArgs(args);
    if ('usage' in parsed) {
      io.stderr(`kamurj names score: ${parsed.usage}\n\n${HELP}\n`);
      return 2;
    }
    if (parsed.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    const input = await io.readStdin();
    const lines = input.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // trailing newline
    const out: string[] = [];
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      try {
        out.push(scoreLine(line, parsed.threshold));
      } catch {
        // Defensive: the domain does not throw on valid input, but one line must never end the batch.
        out.push(JSON.stringify({ error: { code: 'NAMES.INTERNAL', field: 'line', message: 'Could not score this line' } }));
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
