/**
 * `kamurj population generate`: writes a deterministic synthetic population with its ground truth
 * (entity_id, duplicate_of, duplicate_kind) as CSV or JSON Lines to standard output.
 */
import type { CliIo, Command } from '../command.ts';
import {
  DEFAULT_DUPLICATE_RATE,
  DEFAULT_REFERENCE_DATE,
  PERSON_COLUMNS,
  personToRow,
  populationStream,
  type PopulationCountry,
} from '../../../domain/src/population/index.ts';

const HELP = `Usage: kamurj population generate --size N --seed S [--country ARM|KAZ] [--format csv|jsonl]
                                  [--duplicate-rate R] [--reference-date YYYY-MM-DD]

Writes a synthetic population (hand-made name lists, synthetic data only) to standard output: Armenian
citizens and foreign nationals in the country profile's proportions, names in their scripts and passport
romanizations, birth dates (some year-only), valid TD3 MRZs, and injected duplicates (different script,
romanization era, Russified surname, year-only date, day/month swap, typo, missing given name, new
passport number) with their ground truth. Same options → same output.

Columns: ${PERSON_COLUMNS.join(',')}

Options:
  --size N              number of records (originals and duplicates), up to 99,999,999
  --seed S              integer seed
  --country C           ARM (default) or KAZ
  --format F            csv (default) or jsonl
  --duplicate-rate R    share of records that are duplicates, 0–0.5 (default ${DEFAULT_DUPLICATE_RATE})
  --reference-date D    anchors ages and expiry dates (default ${DEFAULT_REFERENCE_DATE})
Exit status: 0 written, 2 usage error.`;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export const populationGenerateCommand: Command = {
  path: ['population', 'generate'],
  summary: 'Write a synthetic population with injected duplicates and ground truth (CSV or JSON Lines)',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const usage = (m: string) => {
      io.stderr(`kamurj population generate: ${m}\n(see kamurj population generate --help)\n`);
      return 2;
    };
    const opts: Record<string, string> = {};
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '-h' || arg === '--help') {
        io.stdout(`${HELP}\n`);
        return 0;
      }
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (!['--size', '--seed', '--country', '--format', '--duplicate-rate', '--reference-date'].includes(flag)) return usage(`unknown argument: ${arg}`);
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return usage(`${flag} needs a value`);
      opts[flag.slice(2)] = value;
    }
    const size = Number(opts.size);
    const seed = Number(opts.seed);
    const country = (opts.country ?? 'ARM').toUpperCase();
    const format = opts.format ?? 'csv';
    const duplicateRate = opts['duplicate-rate'] === undefined ? DEFAULT_DUPLICATE_RATE : Number(opts['duplicate-rate']);
    const referenceDate = opts['reference-date'] ?? DEFAULT_REFERENCE_DATE;
    if (opts.size === undefined || !Number.isInteger(size) || size < 0 || size > 99_999_999) return usage('--size needs an integer in [0, 99999999]');
    if (opts.seed === undefined || !Number.isSafeInteger(seed)) return usage('--seed needs an integer');
    if (country !== 'ARM' && country !== 'KAZ') return usage(`--country must be ARM or KAZ, got ${country}`);
    if (format !== 'csv' && format !== 'jsonl') return usage(`--format must be csv or jsonl, got ${format}`);
    if (!(duplicateRate >= 0 && duplicateRate <= 0.5)) return usage('--duplicate-rate needs a number in [0, 0.5]');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) return usage('--reference-date needs YYYY-MM-DD');

    const out: string[] = format === 'csv' ? [PERSON_COLUMNS.join(',')] : [];
    for (const person of populationStream({ seed, size, country: country as PopulationCountry, duplicateRate, referenceDate })) {
      out.push(format === 'csv' ? Object.values(personToRow(person)).map(csvCell).join(',') : JSON.stringify(person));
      if (out.length >= 5000) {
        io.stdout(`${out.join('\n')}\n`);
        out.length = 0;
      }
    }
    if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
    return 0;
  },
};
