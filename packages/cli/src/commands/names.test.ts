import { describe, expect, it } from 'vitest';
import { runCommand } from '../testing/run-command.ts';
import { namesScoreCommand } from './names.ts';

const run = (stdin: string, args: readonly string[] = []) => runCommand(namesScoreCommand, stdin, args);

const pair = (a: object, b: object) => JSON.stringify({ a, b });

describe('kamurj names score', () => {
  it('has the command path', () => expect(namesScoreCommand.path).toEqual(['names', 'score']));

  it('scores each line in order with an explanation', async () => {
    const input = [
      pair({ name: 'Հովհաննիսյան Արամ', birthDate: '1980-03-04', sex: 'M', nationality: 'ARM' }, { name: 'OGANESIAN ARAM', birthDate: '1980' }),
      pair({ name: 'Petrosyan' }, { name: 'Hovhannisyan' }),
    ].join('\n');
    const { code, lines } = await run(`${input}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ match: true });
    expect(lines[0]?.score).toBeGreaterThanOrEqual(0.7);
    expect(lines[0]?.explanation).toHaveProperty('features');
    expect(lines[1]).toMatchObject({ match: false });
  });

  it('reports bad lines in place and keeps going', async () => {
    const input = [
      'not json',
      pair({ name: 'x'.repeat(10_000_000) }, { name: 'Aram' }),
      pair({ name: 'Aram', birthDate: '1980-02-30' }, { name: 'Aram' }),
      pair({ name: 'Aram', sex: 'male' }, { name: 'Aram' }),
      pair({ name: 'Aram' }, { birthDate: '1980' }),
      '[1,2]',
      '',
      pair({ name: 'Aram' }, { name: 'Арам' }),
    ].join('\n');
    const { code, lines } = await run(input);
    expect(code).toBe(0);
    expect(lines.map((l) => (l.error as { code?: string } | undefined)?.code ?? 'ok')).toEqual([
      'NAMES.INVALID_JSON',
      'NAMES.TOO_LONG',
      'NAMES.INVALID_DATE',
      'NAMES.INVALID_SEX',
      'NAMES.NAME_REQUIRED',
      'NAMES.INVALID_PAIR',
      'NAMES.EMPTY_LINE',
      'ok',
    ]);
    expect(lines[1]?.error).toMatchObject({ field: 'a.name' }); // a 10 MB name is named as such
  });

  it('caps names at 512 characters', async () => {
    const { lines } = await run(pair({ name: 'a'.repeat(513) }, { name: 'Aram' }));
    expect(lines[0]?.error).toMatchObject({ code: 'NAMES.TOO_LONG', field: 'a.name' });
  });

  it('honours --threshold', async () => {
    const line = pair({ name: 'A. Petrosyan' }, { name: 'Aram Petrosyan' });
    expect((await run(line, ['--threshold', '0.9'])).lines[0]?.match).toBe(false);
    expect((await run(line, ['--threshold=0.5'])).lines[0]?.match).toBe(true);
  });

  it('returns 2 on usage errors', async () => {
    expect((await run('', ['--threshold', 'abc'])).code).toBe(2);
    expect((await run('', ['--threshold', '2'])).code).toBe(2);
    expect((await run('', ['--bogus'])).code).toBe(2);
  });

  it('prints help', async () => {
    const r = await run('', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: kamurj names score');
  });

  it('handles CRLF and empty input', async () => {
    expect((await run('')).lines).toEqual([]);
    const { lines } = await run(`${pair({ name: 'Aram' }, { name: 'Aram' })}\r\n`);
    expect(lines[0]).toMatchObject({ score: 1, match: true });
  });
});
