import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { parseCsv } from '../../../domain/src/linkage/index.ts';
import { populationGenerateCommand } from './population.ts';

async function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { readStdin: async () => '', stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await populationGenerateCommand.run(args, io);
  return { code, stdout, stderr };
}

describe('kamurj population generate', () => {
  it('writes CSV with ground truth columns, deterministically', async () => {
    const a = await run(['--size', '200', '--seed', '3']);
    const b = await run(['--size', '200', '--seed', '3']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const rows = parseCsv(a.stdout).map((r) => r.fields);
    expect(rows[0]).toEqual(expect.arrayContaining(['id', 'entity_id', 'duplicate_of', 'duplicate_kind', 'given_name', 'surname', 'birth_date', 'mrz_line1']));
    expect(rows).toHaveLength(201);
    expect(rows[1]?.[0]).toBe('P000001');
  });

  it('writes JSON Lines for another country', async () => {
    const r = await run(['--size', '50', '--seed', '1', '--country', 'KAZ', '--format', 'jsonl', '--duplicate-rate', '0.3']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; document: { mrz: string[] } });
    expect(lines).toHaveLength(50);
    expect(lines[49]?.id).toBe('P000050');
    expect(lines[0]?.document.mrz).toHaveLength(2);
  });

  it.each([[['--seed', '1']], [['--size', '10']], [['--size', '10', '--seed', '1', '--country', 'FRA']], [['--size', '10', '--seed', '1', '--format', 'xml']], [['--size', '-3', '--seed', '1']], [['--bogus']]])(
    'refuses %j with exit 2',
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/kamurj population generate: /);
    },
  );
});
