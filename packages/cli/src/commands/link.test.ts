import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { linkCommand } from './link.ts';

const FEBRL = '/work/shared/datasets/linkage/febrl-dataset1.csv';
const dir = mkdtempSync(join(tmpdir(), 'kamurj-link-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { readStdin: async () => '', stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await linkCommand.run(args, io);
  const lines = stdout.replace(/\n$/, '').split('\n');
  const clusters = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
  return { code, stdout, stderr, lines, clusters };
}

const HAND = file(
  'hand.csv',
  [
    'id,given,family,dob,sex,passport',
    '1,Արամ,Հովհաննիսյան,1980-03-04,M,AN1234567',
    '2,ARAM,HOVHANNISYAN,1980-03-04,M,AN1234567',
    '3,Арам,Оганесян,1980,M,',
    '4,Юлия,Цатурян,1991-07-12,F,',
    '5,IULIIA,TCATURIAN,1991-07-12,F,751234567',
    '6,YULIYA,TSATURYAN,1991-12-07,F,751234567',
    '7,Tigran,Petrosyan,1975-01-01,M,',
    '8,"Petrosyan, Jr",Tigran,not a date,M,',
    '9,Anna,Smith,1975-01-01,F,',
    '',
  ].join('\n'),
);
const HAND_ARGS = ['--input', HAND, '--id', 'id', '--field', 'given_name=given', '--field', 'surname=family', '--field', 'birth_date=dob:YYYY-MM-DD', '--field', 'sex=sex', '--field', 'document_number=passport'];

describe('kamurj link', () => {
  it('writes record_id,cluster_id for every record in input order (hand-made, Armenian and Cyrillic names)', async () => {
    const r = await run(HAND_ARGS);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('record_id,cluster_id');
    expect(r.lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const c = r.clusters;
    expect(c.get('2')).toBe(c.get('1'));
    expect(c.get('3')).toBe(c.get('1'));
    expect(c.get('5')).toBe(c.get('4'));
    expect(c.get('6')).toBe(c.get('4'));
    expect(c.get('7')).not.toBe(c.get('1'));
    expect(c.get('9')).toBe('9');
    expect(r.stderr).toMatch(/line 9 \(8\): birth_date "not a date" is not a date in YYYY-MM-DD; linked on the other fields/);
  });

  it('links the FEBRL sample with high precision and recall (tuning data)', async () => {
    const r = await run(['--input', FEBRL, '--id', 'rec_id', '--field', 'given_name=given_name', '--field', 'surname=surname', '--field', 'birth_date=date_of_birth:YYYYMMDD', '--field', 'national_id=soc_sec_id', '--field', 'postcode=postcode', '--field', 'address=address_1', '--field', 'city=suburb', '--stats']);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1001);
    const entity = (id: string) => id.replace(/-(org|dup-\d+)$/, '');
    let tp = 0;
    let fp = 0;
    for (const [id, cluster] of r.clusters) {
      if (id === cluster) continue;
      if (entity(id) === entity(cluster)) tp++;
      else fp++;
    }
    expect(fp).toBe(0);
    expect(tp).toBeGreaterThan(430); // 500 true duplicates
    const stats = JSON.parse(r.stderr.trim().split('\n').pop() as string) as { comparisons: number };
    expect(stats.comparisons).toBeLessThan(5000); // of 499,500 possible pairs
  });

  it('reads several inputs and repeats a cluster id across them', async () => {
    const a = file('a.csv', 'id,name\na1,Hovhannisyan Aram\n');
    const b = file('b.csv', '\uFEFFid,name\r\nb1,"Оганесян Арам"\r\n');
    const r = await run(['--input', a, '--input', b, '--id', 'id', '--field', 'full_name=name']);
    expect(r.stdout).toBe('record_id,cluster_id\na1,a1\nb1,a1\n');
  });

  it.each([
    [['--id', 'id', '--field', 'surname=family'], /at least one --input/],
    [['--input', HAND, '--field', 'surname=family'], /--id COLUMN is required/],
    [['--input', HAND, '--id', 'id'], /at least one --field/],
    [['--input', HAND, '--id', 'id', '--field', 'shoe=family'], /unknown field kind "shoe"/],
    [['--input', HAND, '--id', 'id', '--field', 'birth_date=dob:DDMM'], /bad date format "DDMM"/],
    [['--input', HAND, '--id', 'id', '--field', 'surname=nope'], /no column "nope"/],
    [['--input', join(dir, 'missing.csv'), '--id', 'id', '--field', 'surname=family'], /cannot read .*missing\.csv \(ENOENT\)/],
    [['--input', HAND, '--id', 'id', '--field', 'surname=family', '--threshold', 'x'], /--threshold/],
  ])('refuses bad input %j with exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('refuses ragged rows and unclosed quotes, naming the line', async () => {
    const ragged = file('ragged.csv', 'id,name\n1,Aram\n2,Aram,extra\n');
    let r = await run(['--input', ragged, '--id', 'id', '--field', 'full_name=name']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/ragged\.csv line 3: 3 fields, the header has 2/)]);
    const open = file('open.csv', 'id,name\n1,"Aram\n');
    r = await run(['--input', open, '--id', 'id', '--field', 'full_name=name']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/open\.csv line 2: a quoted field is not closed/)]);
    const empty = file('empty.csv', '');
    r = await run(['--input', empty, '--id', 'id', '--field', 'full_name=name']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/empty file/)]);
  });

  it('quotes ids that need it', async () => {
    const q = file('q.csv', 'id,name\n"a,1",Aram Petrosyan\n"b""2",Aram Petrosyan\n');
    const r = await run(['--input', q, '--id', 'id', '--field', 'full_name=name']);
    expect(r.stdout).toBe('record_id,cluster_id\n"a,1","a,1"\n"b""2","a,1"\n');
    expect(readFileSync(q, 'utf8')).toContain('Aram');
  });
});
