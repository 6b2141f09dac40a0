/**
 * The correctness guarantee of the screening index: for random lists and travellers, screening with the
 * index returns exactly the hits (and suppressed hits) of the full scan that scores every entry.
 * Names are drawn from a small pool across scripts and mutated (insert, delete, substitute, swap tokens)
 * so that near misses at every token level, including the fuzzy edit budget, are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../lists/entries.ts';
import { adjudicationMemory } from './adjudication.ts';
import type { ScreeningConfig } from './config.ts';
import { prepareList } from './prepare-list.ts';
import { prepareRecord } from '../../names/index.ts';
import { personCandidates } from './candidates.ts';
import { prepareTraveller, screenTraveller, screenTravellerFullScan, type Traveller } from './screen.ts';

const WORDS = [
  'Hovhannisyan', 'Оганесян', 'Ованесян', 'Հովհաննիսյան', 'Petrosyan', 'Петросян', 'Ghazaryan', 'Kazarian', 'Գևորգյան', 'Gevorgyan',
  'Aram', 'Арам', 'Armen', 'Ivan', 'Иван', 'Hovhannes', 'Anna', 'Mariam', 'Sargsyan', 'Саркисян', 'Yeghiazaryan', 'Abdullah',
  'محمد', 'Mohammad', 'Ali', 'Nazarbayev', 'Giorgi', 'გიორგი', 'Beridze', 'A', 'K.', 'Ter-Petrosyan', 'Oglu', 'Karapetyan', 'Tigranyan',
  'Gevorg', 'Георгий', 'George', 'Ованес', 'Hovhannes', 'Mikayel', 'Михаил', 'Michael', 'Hakob', 'Яков', 'Jacob',
];
const LETTERS = 'aeiouykhgnstrz';

const word = fc
  .tuple(fc.constantFrom(...WORDS), fc.array(fc.tuple(fc.constantFrom('ins', 'del', 'sub'), fc.nat(), fc.constantFrom(...LETTERS)), { maxLength: 3 }))
  .map(([w, edits]) => {
    let s = w;
    for (const [op, at, ch] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      if (op === 'ins') s = s.slice(0, i) + ch + s.slice(i);
      else if (op === 'del' && s.length > 1) s = s.slice(0, i) + s.slice(i + 1);
      else if (op === 'sub') s = s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });
const name = fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')));
const birth = fc.option(fc.record({ year: fc.integer({ min: 1970, max: 1973 }), month: fc.integer({ min: 1, max: 2 }), day: fc.integer({ min: 1, max: 2 }) }), { nil: undefined });
const sex = fc.option(fc.constantFrom('M' as const, 'F' as const), { nil: undefined });
const nat = fc.option(fc.constantFrom('ARM', 'RUS', 'IRN'), { nil: undefined });
const docNumber = fc.constantFrom('AT0123456', 'ATO123456', 'at 012-3456', 'AB7654321', 'AK1111111', 'C1234567');
const day = fc.constantFrom('2025-01-01', '2025-03-10', '2025-06-01', '2026-01-01');

const personEntry = fc.record({
  kind: fc.constantFrom('watchlist' as const, 'entry_ban' as const),
  listId: fc.constantFrom('national', 'interpol', 'bans'),
  names: fc.array(name, { minLength: 1, maxLength: 3 }),
  birthDate: birth,
  sex,
  nationality: nat,
  documents: fc.array(fc.record({ number: docNumber, issuingState: fc.constantFrom('ARM', 'RUS') }), { maxLength: 1 }),
  version: fc.integer({ min: 1, max: 2 }),
  from: day,
  until: fc.option(day, { nil: null }),
});
const docEntry = fc.record({ number: docNumber, issuingState: fc.constantFrom('ARM', 'RUS'), from: fc.option(day, { nil: undefined }) });

const lists = fc.tuple(fc.array(personEntry, { maxLength: 40 }), fc.array(docEntry, { maxLength: 8 })).map(([people, docs]): ListEntry[] => [
  ...people.map((p, i): ListEntry => {
    const common = { id: `e${i}`, version: p.version, listId: p.listId, names: p.names, reason: 'r', agency: 'a', action: 'second_line' as const, documents: p.documents, ...(p.birthDate ? { birthDate: p.birthDate } : {}), ...(p.sex ? { sex: p.sex } : {}), ...(p.nationality ? { nationality: p.nationality } : {}) };
    return p.kind === 'entry_ban' ? { ...common, kind: 'entry_ban', ban: { from: p.from, until: p.until } } : { ...common, kind: 'watchlist', validity: { from: p.from, until: p.until } };
  }),
  ...docs.map((d, i): ListEntry => ({ kind: 'document', id: `d${i}`, version: 1, listId: 'sltd', number: d.number.toUpperCase().replace(/[^A-Z0-9]/g, ''), issuingState: d.issuingState, documentType: 'passport', status: 'lost', reportedOn: '2024-01-01', reason: 'r', agency: 'a', action: 'second_line', validity: { from: d.from ?? null } })),
]);
const traveller: fc.Arbitrary<Traveller> = fc.record({
  personId: fc.constantFrom('p1', 'p2', null),
  name,
  otherNames: fc.array(name, { maxLength: 1 }),
  birthDate: birth,
  sex,
  nationality: nat,
  documents: fc.array(fc.record({ number: docNumber, issuingState: fc.option(fc.constantFrom('ARM', 'RUS'), { nil: undefined }) }), { maxLength: 1 }),
}).map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as unknown as Traveller);
const config: fc.Arbitrary<ScreeningConfig> = fc.record({
  defaults: fc.record({ watchlist: fc.double({ min: 0.55, max: 0.95, noNaN: true }), entry_ban: fc.double({ min: 0.7, max: 0.95, noNaN: true }) }),
  lists: fc.record({ interpol: fc.record({ threshold: fc.double({ min: 0.69, max: 0.9, noNaN: true }) }) }),
});

describe('screening index = full scan', () => {
  it('returns the same hits and suppressed hits for random lists', () => {
    fc.assert(
      fc.property(lists, traveller, config, day, fc.array(fc.tuple(fc.nat(), fc.constantFrom('p1', 'p2'), fc.integer({ min: 1, max: 2 })), { maxLength: 5 }), (entries, t, cfg, date, adj) => {
        const memory = adjudicationMemory(adj.map(([e, personId, entryVersion]) => ({ personId, entryId: `e${e % 40}`, entryVersion, outcome: 'false_hit', by: 'u', at: '2025-01-01T00:00:00Z', reason: 'r' })));
        const prepared = prepareList(entries);
        const options = { date, config: cfg, adjudications: memory, explain: false };
        const indexed = screenTraveller(t, prepared, options);
        const scanned = screenTravellerFullScan(t, prepared, options);
        expect(indexed.hits).toEqual(scanned.hits);
        expect(indexed.suppressed).toEqual(scanned.suppressed);
        expect(indexed.scored).toBeLessThanOrEqual(scanned.scored);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps agreeing when the per-list walk cache is warm (many travellers, repeated names, one prepared list)', () => {
    fc.assert(
      fc.property(lists, fc.array(traveller, { minLength: 2, maxLength: 12 }), day, (entries, travellers, date) => {
        const prepared = prepareList(entries);
        const options = { date, explain: false };
        // Each traveller twice: the second screening of a name reads every trie walk from the cache.
        for (const t of [...travellers, ...travellers.slice().reverse()]) {
          expect(screenTraveller(t, prepared, options).hits).toEqual(screenTravellerFullScan(t, prepared, options).hits);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agrees when the traveller\'s other names repeat the name in another order (a form walked once, ADR 0521)', () => {
    fc.assert(
      fc.property(lists, fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(name, { maxLength: 1 }), fc.nat(), config, day, (entries, tokens, others, rotate, cfg, date) => {
        const prepared = prepareList(entries);
        const turned = tokens.map((_, i) => tokens[(i + rotate) % tokens.length]!);
        // The document's name (surname first), the registered names (given names first, the same again), another.
        const t: Traveller = { name: tokens.join(' '), otherNames: [[...tokens].reverse().join(' '), ...others, turned.join(' '), tokens.join(' ')] };
        const options = { date, config: cfg, explain: false };
        expect(screenTraveller(t, prepared, options).hits).toEqual(screenTravellerFullScan(t, prepared, options).hits);
        const minThreshold = Math.min(cfg.defaults.watchlist, cfg.defaults.entry_ban, cfg.lists?.interpol?.threshold ?? 1);
        const alone = personCandidates(prepared, prepareRecord({ name: tokens.join(' '), otherNames: others }), minThreshold);
        const repeated = personCandidates(prepared, prepareTraveller(t).record, minThreshold);
        expect(repeated === null ? null : [...repeated].sort()).toEqual(alone === null ? null : [...alone].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('finds every entry that scores at least the threshold, whatever its name (hits are not lost to blocking)', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 60 }), name, (names, query) => {
        const entries: ListEntry[] = names.map((n, i) => ({ kind: 'watchlist', id: `e${i}`, version: 1, listId: 'l', names: [n], reason: 'r', agency: 'a', action: 'record_only' }));
        const prepared = prepareList(entries);
        const options = { date: '2025-01-01', explain: false, config: { defaults: { watchlist: 0.7, entry_ban: 0.7 } } };
        expect(screenTraveller({ name: query }, prepared, options).hits).toEqual(screenTravellerFullScan({ name: query }, prepared, options).hits);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on entries derived from the traveller name token by token (initials, edits, drops, swaps)', () => {
    const edit = (w: string, k: number, at: number) => {
      let s = w;
      for (let e = 0; e < k; e++) {
        const i = (at + e * 3) % Math.max(1, s.length);
        s = e % 2 === 0 ? s.slice(0, i) + 'x' + s.slice(i + 1) : s.slice(0, i) + s.slice(i + 1);
      }
      return s;
    };
    const op = fc.tuple(fc.constantFrom('keep', 'initial', 'edit', 'replace', 'drop', 'add'), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.constantFrom(...WORDS));
    const derive = (tokens: readonly string[], ops: readonly (readonly [string, number, number, string])[]) =>
      tokens
        .flatMap((t, i) => {
          const [kind, k, at, other] = ops[i % Math.max(1, ops.length)] ?? ['keep', 1, 0, 'x'];
          if (kind === 'initial') return [`${t[0] ?? 'x'}.`];
          if (kind === 'edit') return [edit(t, k, at)];
          if (kind === 'replace') return [other];
          if (kind === 'drop') return [];
          if (kind === 'add') return [t, other];
          return [t];
        })
        .join(' ') || 'x';
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0.7, max: 0.95, noNaN: true }), (tokens, opsList, threshold) => {
        const entries: ListEntry[] = opsList.map((ops, i) => ({ kind: 'watchlist', id: `e${i}`, version: 1, listId: 'l', names: [derive(tokens, ops)], reason: 'r', agency: 'a', action: 'record_only' }));
        const prepared = prepareList(entries);
        const options = { date: '2025-01-01', explain: false, config: { defaults: { watchlist: threshold, entry_ban: threshold } } };
        const query = { name: tokens.join(' ') };
        expect(screenTraveller(query, prepared, options).hits).toEqual(screenTravellerFullScan(query, prepared, options).hits);
      }),
      { numRuns: 500 },
    );
  });

  it('walks only the entries born near the traveller, and agrees at the limit (ADR 0524)', () => {
    // Namesakes born 0–3 years either side (or of unknown year), same or other day and month, sex and
    // nationality: which of them reach the threshold turns on the year.
    const namesake = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(1, 2), fc.constantFrom(1, 2), fc.boolean(), sex, nat);
    fc.assert(
      fc.property(name, fc.array(namesake, { minLength: 1, maxLength: 30 }), sex, nat, fc.double({ min: 0.6, max: 0.95, noNaN: true }), (who, born, tSex, tNat, threshold) => {
        const entries: ListEntry[] = born.map(([years, month, dayOf, unknown, s, n], i) => ({
          kind: 'watchlist', id: `y${i}`, version: 1, listId: 'l', names: [who], reason: 'r', agency: 'a', action: 'record_only',
          ...(unknown ? {} : { birthDate: { year: 1980 + years, month, day: dayOf } }), ...(s ? { sex: s } : {}), ...(n ? { nationality: n } : {}),
        }));
        const prepared = prepareList(entries);
        const t: Traveller = { name: who, birthDate: { year: 1980, month: 1, day: 1 }, ...(tSex ? { sex: tSex } : {}), ...(tNat ? { nationality: tNat } : {}) };
        const options = { date: '2025-01-01', explain: false, config: { defaults: { watchlist: threshold, entry_ban: threshold } } };
        expect(screenTraveller(t, prepared, options).hits).toEqual(screenTravellerFullScan(t, prepared, options).hits);
        // Above 0.74 (a perfect name, both bonuses, years beyond one apart) the walk leaves those entries out.
        if (threshold > 0.75) {
          for (const pos of personCandidates(prepared, prepareTraveller(t).record, threshold) ?? []) {
            const year = prepared.persons[pos]!.entry.birthDate?.year;
            if (year !== undefined) expect(Math.abs(year - 1980)).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
