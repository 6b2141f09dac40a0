import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMrz } from '../documents/mrz/index.ts';
import { draftFromMrz } from './mrz-draft.ts';
import { mergeRecords } from './merge.ts';
import { autoMergeVerdict, isPossiblyMinor, protectedView } from './protection.ts';
import { documentKeys, searchKeys, tokenKeys } from './record.ts';
import type { PersonData } from './types.ts';

const NO = { traffickingVictim: false, asylumSeeker: false };
const person = (over: Partial<PersonData> = {}): PersonData => ({
  names: [{ id: 'n1', surname: 'Հովհաննիսյան', givenNames: 'Արամ', patronymic: null, script: 'Armn', kind: 'as-written', source: null }],
  birthDate: '1985-03-14',
  sex: 'M',
  citizenships: [{ code: 'ARM', kind: 'country' }],
  documents: [],
  addresses: [],
  contacts: [],
  protection: NO,
  registeredIn: null,
  ...over,
});

describe('minors (under 18 at the time of the check)', () => {
  it('turns 18 on the 18th birthday; partial dates count with their latest possible day', () => {
    expect(isPossiblyMinor('2008-11-22', '2026-11-21')).toBe(true);
    expect(isPossiblyMinor('2008-11-22', '2026-11-22')).toBe(false);
    expect(isPossiblyMinor('2008', '2026-12-30')).toBe(true);
    expect(isPossiblyMinor('2008', '2026-12-31')).toBe(false);
    expect(isPossiblyMinor('2008-02', '2026-02-28')).toBe(true);
    expect(isPossiblyMinor('2008-02', '2026-03-01')).toBe(false);
    expect(isPossiblyMinor(null, '2026-01-01')).toBe(false);
  });

  it('is monotonic: once adult, adult on every later day', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (birth, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        if (!isPossiblyMinor(birth, early)) expect(isPossiblyMinor(birth, late)).toBe(false);
      }),
    );
  });
});

describe('protection gates', () => {
  it('never merges protected persons automatically, whatever the score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.boolean(), fc.boolean(), (score, victim, asylum, minor) => {
        const a = person({ protection: { traffickingVictim: victim, asylumSeeker: asylum }, birthDate: minor ? '2015' : '1980' });
        const verdict = autoMergeVerdict(a, person(), score, 0.9, '2026-11-22');
        if (victim || asylum || minor) expect(verdict).not.toBe('merge');
        if (score < 0.9) expect(verdict).toBe('below_threshold');
      }),
    );
    expect(autoMergeVerdict(person(), person(), 1, 1.01, '2026-11-22')).toBe('below_threshold');
  });

  it('shows protected persons in full only with the sensitive-read permission or a grant', () => {
    expect(protectedView({ protectedPerson: false, sensitiveRead: false, activeGrant: false })).toBe('full');
    expect(protectedView({ protectedPerson: true, sensitiveRead: false, activeGrant: false })).toBe('masked');
    expect(protectedView({ protectedPerson: true, sensitiveRead: true, activeGrant: false })).toBe('full');
    expect(protectedView({ protectedPerson: true, sensitiveRead: false, activeGrant: true })).toBe('full');
  });
});

describe('merge of two records', () => {
  const item = fc.record({ id: fc.uuid(), kind: fc.constantFrom('phone' as const, 'email' as const), value: fc.string({ minLength: 1, maxLength: 5 }) });
  it('keeps every item of both records (identical content once) and never lowers protection', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.array(item, { maxLength: 5 }), fc.boolean(), fc.boolean(), (ca, cb, va, vb) => {
        const a = person({ contacts: ca, protection: { traffickingVictim: va, asylumSeeker: false } });
        const b = person({ contacts: cb, protection: { traffickingVictim: vb, asylumSeeker: true } });
        const { data } = mergeRecords(a, b);
        const content = (c: { kind: string; value: string }) => `${c.kind}:${c.value}`;
        for (const c of [...ca, ...cb]) expect(data.contacts.map(content)).toContain(content(c));
        for (const c of ca) expect(data.contacts).toContainEqual(c);
        expect(data.protection).toEqual({ traffickingVictim: va || vb, asylumSeeker: true });
      }),
    );
  });
  it('reports a conflicting birth date and keeps the survivor’s', () => {
    const r = mergeRecords(person(), person({ birthDate: '1986' }));
    expect(r.conflicts).toEqual(['birthDate']);
    expect(r.data.birthDate).toBe('1985-03-14');
  });
});

describe('search keys', () => {
  it('give the same key to Հովհաննիսյան, OGANESIAN and Оганесян', () => {
    const key = (w: string) => tokenKeys(w, 'query')[0];
    expect(key('OGANESIAN')).toBe(key('Հովհաննիսյան'));
    expect(key('Оганесян')).toBe(key('Հովհաննիսյան'));
    expect(searchKeys(person())).toContain(key('Hovannisian'));
  });
  it('normalise document numbers', () => {
    expect(documentKeys({ documents: [{ id: 'd', type: 'passport', number: 'am 123-4567', issuingState: 'ARM', issueDate: null, expiryDate: null, status: 'valid', mrz: null }] })).toEqual([{ number: 'AM1234567', issuer: 'ARM' }]);
  });
});

describe('draft from an MRZ', () => {
  it('prefills names, dates, citizenship and the document, and keeps XXA apart from countries', () => {
    const mrz = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const d = draftFromMrz(parseMrz(mrz, { referenceDate: '2026-11-22' }), mrz);
    expect(d.names[0]).toMatchObject({ surname: 'ERIKSSON', givenNames: 'ANNA MARIA', kind: 'mrz', script: 'Latn' });
    expect(d).toMatchObject({ birthDate: '1974-08-12', sex: 'F' });
    expect(d.documents[0]).toMatchObject({ type: 'passport', number: 'L898902C3', issuingState: 'UTO', expiryDate: '2012-04-15', status: 'expired' });
    const stateless = mrz.replace('UTOERIKSSON', 'XXAERIKSSON');
    expect(draftFromMrz(parseMrz(stateless, { referenceDate: '2026-11-22' }), stateless).documents[0]!.issuingState).toBe('XXA');
  });
});
