import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { mrzParseCommand } from './mrz.ts';

function fakeIo(stdin: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: async () => stdin,
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD1 = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
const CONTRACT_KEYS = [
  'format', 'valid', 'specimen', 'documentCode', 'issuingState', 'documentNumber', 'nationality', 'birthDate', 'sex',
  'expiryDate', 'surname', 'givenNames', 'personalNumber', 'optionalData', 'optionalData2', 'checks', 'corrections', 'errors',
];

describe('kamurj mrz parse', () => {
  it('prints one JSON object per document, in input order, with the contract keys', async () => {
    const io = fakeIo(`${TD3}\n\n${TD1}\n\ngarbage\n`);
    const code = await mrzParseCommand.run(['--reference-date', '2025-06-15'], io);
    expect(code).toBe(0);
    const rows = io.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.format, r.valid])).toEqual([['TD3', true], ['TD1', true], [null, false]]);
    expect(Object.keys(rows[0]!).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
    expect(rows[0]).toMatchObject({
      documentCode: 'P<', issuingState: 'UTO', documentNumber: 'L898902C3', birthDate: '1974-08-12', sex: 'F',
      expiryDate: '2012-04-15', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', personalNumber: 'ZE184226B', specimen: true,
      checks: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: true, composite: true },
    });
    expect(rows[2]!.errors).toEqual([expect.objectContaining({ field: 'mrz', code: 'MRZ.LINE_COUNT' })]);
  });

  it('corrects by default and not with --no-correct', async () => {
    const ocr = TD3.replace('7408122F', '74O8122F');
    const on = fakeIo(ocr);
    await mrzParseCommand.run(['--reference-date=2025-06-15'], on);
    expect(JSON.parse(on.out)).toMatchObject({ valid: true, corrections: [{ field: 'birthDate', from: 'O', to: '0' }] });
    const off = fakeIo(ocr);
    await mrzParseCommand.run(['--no-correct', '--reference-date', '2025-06-15'], off);
    expect(JSON.parse(off.out)).toMatchObject({ valid: false, corrections: [] });
  });

  it('uses today when no reference date is given', async () => {
    const io = fakeIo(TD3);
    expect(await mrzParseCommand.run([], io)).toBe(0);
    expect(JSON.parse(io.out).expired).toBe(true);
  });

  it('usage errors exit 2; --help exits 0; empty input exits 1', async () => {
    for (const args of [['--bogus'], ['--reference-date'], ['--reference-date', '2025-02-30']]) {
      const io = fakeIo(TD3);
      expect(await mrzParseCommand.run(args, io)).toBe(2);
      expect(io.err).toContain('kamurj mrz parse');
      expect(io.out).toBe('');
    }
    const help = fakeIo('');
    expect(await mrzParseCommand.run(['--help'], help)).toBe(0);
    expect(help.out).toContain('Usage: kamurj mrz parse');
    const empty = fakeIo('\n \n');
    expect(await mrzParseCommand.run([], empty)).toBe(1);
    expect(empty.err).toContain('no MRZ document');
  });

  it('declares its path', () => {
    expect(mrzParseCommand.path).toEqual(['mrz', 'parse']);
  });
});
