import { describe, expect, it } from 'vitest';
import { runCommand } from '../testing/run-command.ts';
import { stayCheckCommand } from './stay.ts';

const run = (stdin: string, args: readonly string[] = []) => runCommand(stayCheckCommand, stdin, args);

const SCHENGEN = { kind: 'rolling', maxDays: 90, windowDays: 180 };
const line = (o: object) => JSON.stringify(o);
const errCode = (l: Record<string, unknown>) => (l.error as { code?: string } | undefined)?.code ?? 'ok';

describe('kamurj stay check', () => {
  it('has the command path and help', async () => {
    expect(stayCheckCommand.path).toEqual(['stay', 'check']);
    const { code, stdout } = await run('', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: kamurj stay check');
    expect(stdout).toContain('"kind":"calendar-year"');
  });

  it('prints the contract keys first, one line per input line, in order', async () => {
    const input = [
      line({
        rule: SCHENGEN,
        movements: [
          { direction: 'entry', date: '2024-01-01' },
          { direction: 'exit', date: '2024-01-10' },
          { direction: 'entry', date: '2024-02-01' },
          { direction: 'exit', date: '2024-02-29' },
          { direction: 'entry', date: '2024-04-01' },
        ],
        controlDate: '2024-05-20',
      }),
      line({ rule: { kind: 'calendar-year', maxDays: 180 }, movements: [{ direction: 'entry', date: '2023-10-01' }], covered: [], controlDate: '2023-12-31' }),
      line({ rule: { kind: 'unlimited' }, movements: [], controlDate: '2024-01-01' }),
      line({ rule: { kind: 'per-stay', maxDays: 120 }, movements: [{ direction: 'entry', date: '2024-01-01' }], controlDate: '2024-05-01' }),
    ].join('\n');
    const { code, stdout, lines } = await run(`${input}\n`);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^\{"daysUsed":89,"daysRemaining":1,"overstayDays":0,"lastLawfulDay":"2024-05-21",/);
    expect(lines[1]).toMatchObject({ daysUsed: 92, daysRemaining: 88, overstayDays: 0, lastLawfulDay: '2024-06-28' });
    expect(lines[2]).toMatchObject({ daysUsed: 0, daysRemaining: null, overstayDays: 0, lastLawfulDay: null, present: false });
    expect(lines[3]).toMatchObject({ daysUsed: 122, daysRemaining: 0, overstayDays: 2, lastLawfulDay: '2024-04-29', present: true });
    expect(lines).toHaveLength(4);
  });

  it('reports bad lines in place, skips empty lines and keeps going', async () => {
    const ok = line({ rule: SCHENGEN, movements: [], controlDate: '2024-01-01' });
    const input = [
      'not json',
      ok,
      '',
      '   ',
      line({ rule: { kind: 'rolling', maxDays: 90 }, movements: [], controlDate: '2024-01-01' }),
      line({ rule: SCHENGEN, movements: [{ direction: 'entry', date: '2023-02-29' }], controlDate: '2024-01-01' }),
      line({ rule: SCHENGEN, movements: [{ direction: 'sideways', date: '2023-02-01' }], controlDate: '2024-01-01' }),
      line({ rule: SCHENGEN, movements: [], covered: [{ from: '2024-02-01', to: '2024-01-01' }], controlDate: '2024-01-01' }),
      line({ rule: SCHENGEN, movements: [] }),
      '[1,2]',
      'null',
      `${ok}\r`,
    ].join('\n');
    const { code, lines } = await run(input);
    expect(code).toBe(0);
    expect(lines.map(errCode)).toEqual([
      'STAY.INVALID_JSON',
      'ok',
      'STAY.INVALID_RULE',
      'STAY.INVALID_DATE',
      'STAY.INVALID_DIRECTION',
      'STAY.INVALID_PERIOD',
      'STAY.INVALID_DATE',
      'STAY.INVALID_INPUT',
      'STAY.INVALID_INPUT',
      'ok',
    ]);
    expect(lines[2]).toEqual({ error: { code: 'STAY.INVALID_RULE', field: 'rule.windowDays', message: expect.any(String) } });
    expect((lines[3]?.error as { field: string }).field).toBe('movements.0.date');
    expect((lines[6]?.error as { field: string }).field).toBe('controlDate');
    expect(Object.keys(lines[0]?.error as object)).toEqual(['code', 'field', 'message']);
  });

  it('reports anomalies as warnings with the assumption made', async () => {
    const input = line({ rule: SCHENGEN, movements: [{ direction: 'entry', date: '2024-01-01' }, { direction: 'entry', date: '2024-02-01' }], controlDate: '2024-02-10' });
    const { lines } = await run(input);
    expect(lines[0]).toMatchObject({ daysUsed: 41, present: true, warnings: [{ code: 'STAY.DOUBLE_ENTRY', index: 1 }] });
  });

  it('exits 2 on unknown arguments', async () => {
    const { code, stderr, stdout } = await run('', ['--window', '180']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown argument: --window');
    expect(stdout).toBe('');
  });

  it('prints nothing for empty input', async () => {
    expect(await run('')).toMatchObject({ code: 0, stdout: '' });
    expect(await run('\n\n')).toMatchObject({ code: 0, stdout: '' });
  });
});
