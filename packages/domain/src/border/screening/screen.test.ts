import { describe, expect, it } from 'vitest';
import type { DocumentListEntry, EntryBan, WatchlistEntry } from '../lists/entries.ts';
import { adjudicationMemory, type Adjudication } from './adjudication.ts';
import { INDEX_MIN_THRESHOLD } from './candidates.ts';
import { parseScreeningConfig, type ScreeningConfig } from './config.ts';
import { prepareList } from './prepare-list.ts';
import { screenTraveller, screenTravellerFullScan } from './screen.ts';

const watch = (id: string, names: string[], extra: Partial<WatchlistEntry> = {}): WatchlistEntry => ({
  kind: 'watchlist', id, version: 1, listId: 'national', names, reason: 'Wanted for questioning', agency: 'POLICE', action: 'second_line', ...extra,
});
const ban = (id: string, names: string[], from: string, until: string | null): EntryBan => ({
  kind: 'entry_ban', id, version: 1, listId: 'bans', names, reason: 'Deported 2024', agency: 'MCS', action: 'refuse_entry', ban: { from, until },
});
const lostDoc = (id: string, number: string, issuingState = 'ARM'): DocumentListEntry => ({
  kind: 'document', id, version: 1, listId: 'sltd', number, issuingState, documentType: 'passport', status: 'stolen', reportedOn: '2024-01-01', reason: 'stolen passport', agency: 'POLICE', action: 'second_line',
});
const date = '2025-03-10';

describe('screenTraveller: person lists', () => {
  const list = prepareList([
    watch('w1', ['Оганесян Арам', 'Ohanesyan Aram'], { birthDate: { year: 1980 } }),
    watch('w2', ['Petrosyan Gevorg']),
    watch('w3', ['Sargsyan Anna'], { validity: { from: '2020-01-01', until: '2024-12-31' } }),
    ban('b1', ['Ghazaryan Karen'], '2024-06-01', '2025-06-01'),
    ban('b2', ['Ghazaryan Karen'], '2023-01-01', '2024-01-01'),
  ]);

  it('hits across scripts and explains why (Оганесян Арам on the list, HOVHANNISYAN ARAM at the desk)', () => {
    const r = screenTraveller({ name: 'HOVHANNISYAN ARAM', birthDate: { year: 1980, month: 3, day: 4 } }, list, { date });
    expect(r.hits.map((h) => h.entryId)).toEqual(['w1']);
    const hit = r.hits[0];
    expect(hit?.score).toBeGreaterThan(0.9);
    expect(hit?.explanation?.tokens.map((t) => t.level)).toEqual(expect.arrayContaining(['exact']));
    expect(hit?.explanation?.features.find((f) => f.feature === 'birthDate')?.level).toBe('compatible');
    expect(r.scored).toBeLessThan(5); // only candidates are scored
  });

  it('ignores expired entries and ended bans; a ban that ends after the crossing date hits', () => {
    expect(screenTraveller({ name: 'SARGSYAN ANNA' }, list, { date }).hits).toEqual([]);
    expect(screenTraveller({ name: 'SARGSYAN ANNA' }, list, { date: '2024-06-01' }).hits.map((h) => h.entryId)).toEqual(['w3']);
    const karen = screenTraveller({ name: 'KAZARYAN KAREN' }, list, { date });
    expect(karen.hits.map((h) => [h.entryId, h.kind, h.action])).toEqual([['b1', 'entry_ban', 'refuse_entry']]);
    expect(screenTraveller({ name: 'GHAZARYAN KAREN' }, list, { date: '2025-06-02' }).hits).toEqual([]);
  });

  it('applies per-list thresholds from configuration data', () => {
    const traveller = { name: 'PETROSYAN GEVORG', birthDate: { year: 1970 } };
    const base = screenTraveller({ name: 'PETROSIAN GEVORK' }, list, { date });
    expect(base.hits.map((h) => h.entryId)).toEqual(['w2']);
    const strict: ScreeningConfig = { defaults: { watchlist: 0.7, entry_ban: 0.75 }, lists: { national: { threshold: 0.99 } } };
    expect(screenTraveller({ name: 'PETROSIAN GEVORK' }, list, { date, config: strict }).hits).toEqual([]);
    expect(screenTraveller(traveller, list, { date, config: strict }).hits.map((h) => [h.entryId, h.threshold])).toEqual([['w2', 0.99]]);
    expect(parseScreeningConfig({ defaults: { watchlist: 0.7, entry_ban: 1.5 } }).ok).toBe(false);
    expect(parseScreeningConfig({ defaults: { watchlist: 0.7, entry_ban: 0.8 }, lists: { x: { threshold: 0.9 } } }).ok).toBe(true);
  });

  it('by default a namesake born years apart is no hit, one born a year apart is; a list may ask for the wider net (ADR 0511)', () => {
    const named = prepareList([
      watch('n1', ['Grigoryan Armen'], { birthDate: { year: 1962, month: 5, day: 14 }, sex: 'M', nationality: 'ARM' }),
      watch('n2', ['Grigoryan Armen'], { birthDate: { year: 1985, month: 7, day: 2 }, sex: 'M', nationality: 'ARM' }),
    ]);
    const armen = { name: 'GRIGORYAN ARMEN', birthDate: { year: 1986, month: 7, day: 2 }, sex: 'M' as const, nationality: 'ARM' };
    const byDefault = screenTraveller(armen, named, { date });
    expect(byDefault.hits.map((h) => [h.entryId, h.threshold])).toEqual([['n2', 0.75]]);
    // The same name, sex and nationality, born 24 years apart: 1 + 0.04 − 0.30.
    const wide: ScreeningConfig = { defaults: { watchlist: 0.75, entry_ban: 0.75 }, lists: { national: { threshold: 0.7 } } };
    const widened = screenTraveller(armen, named, { date, config: wide });
    expect(widened.hits.map((h) => [h.entryId, h.score])).toEqual([['n2', expect.any(Number)], ['n1', 0.74]]);
    expect(screenTravellerFullScan(armen, named, { date, config: wide }).hits.map((h) => h.entryId)).toEqual(['n2', 'n1']);
  });

  it('scans the whole list when a threshold is too low for the index, with the same answer', () => {
    const low: ScreeningConfig = { defaults: { watchlist: INDEX_MIN_THRESHOLD - 0.05, entry_ban: 0.75 } };
    const t = { name: 'A. PETROSYAN' };
    expect(screenTraveller(t, list, { date, config: low })).toEqual(screenTravellerFullScan(t, list, { date, config: low }));
    expect(screenTraveller(t, list, { date, config: low }).scored).toBe(3); // every entry in force
  });
});

describe('adjudication memory', () => {
  const entry = watch('w1', ['Оганесян Арам']);
  const traveller = { personId: 'p-9', name: 'HOVHANNISYAN ARAM' };
  const falseHit: Adjudication = { personId: 'p-9', entryId: 'w1', entryVersion: 1, outcome: 'false_hit', by: 'u-1', at: '2025-03-01T10:00:00Z', reason: 'Different father name, born 1999' };

  it('does not stop a known false hit again, but keeps it as suppressed', () => {
    const r = screenTraveller(traveller, prepareList([entry]), { date, adjudications: adjudicationMemory([falseHit]) });
    expect(r.hits).toEqual([]);
    expect(r.suppressed.map((s) => [s.hit.entryId, s.adjudication.by])).toEqual([['w1', 'u-1']]);
  });
  it('hits again once the entry changes (new version)', () => {
    const r = screenTraveller(traveller, prepareList([{ ...entry, version: 2, names: ['Оганесян Арам', 'Hovhannisyan Aram'] }]), { date, adjudications: adjudicationMemory([falseHit]) });
    expect(r.hits.map((h) => [h.entryId, h.entryVersion])).toEqual([['w1', 2]]);
  });
  it('applies only to the same person, and a later true-hit adjudication overrides', () => {
    const memory = adjudicationMemory([falseHit]);
    expect(screenTraveller({ ...traveller, personId: 'p-10' }, prepareList([entry]), { date, adjudications: memory }).hits).toHaveLength(1);
    expect(screenTraveller({ ...traveller, personId: null }, prepareList([entry]), { date, adjudications: memory }).hits).toHaveLength(1);
    const later = adjudicationMemory([{ ...falseHit, outcome: 'true_hit', at: '2025-03-05T10:00:00Z' }, falseHit]);
    expect(screenTraveller(traveller, prepareList([entry]), { date, adjudications: later }).hits).toHaveLength(1);
  });
});

describe('screenTraveller: document lists', () => {
  const list = prepareList([lostDoc('d1', 'AT0123456'), lostDoc('d2', 'AB0123456'), lostDoc('d3', 'C1234567', 'GEO')]);
  const docs = (number: string, issuingState?: string) => ({ name: 'ANY ONE', documents: [{ number, ...(issuingState ? { issuingState } : {}) }] });

  it('matches the exact number', () => {
    const [hit] = screenTraveller(docs('AT0123456', 'ARM'), list, { date }).hits;
    expect(hit?.document).toMatchObject({ matchKind: 'exact', status: 'stolen', needsReview: false });
  });
  it('matches after normalisation (case, spaces, dashes)', () => {
    expect(screenTraveller(docs('at 012-3456', 'ARM'), list, { date }).hits[0]?.document?.matchKind).toBe('normalised');
  });
  it('flags an O/0 confusion as a candidate to review, not a plain hit', () => {
    const [hit] = screenTraveller(docs('ABO123456', 'ARM'), list, { date }).hits;
    expect(hit?.document).toMatchObject({ matchKind: 'confusable', needsReview: true, listedNumber: 'AB0123456' });
    expect(hit?.score).toBeLessThan(1);
  });
  it('does not match a number of another issuing state; flags a hit without the traveller state', () => {
    expect(screenTraveller(docs('C1234567', 'ARM'), list, { date }).hits).toEqual([]);
    expect(screenTraveller(docs('C1234567'), list, { date }).hits[0]?.document?.needsReview).toBe(true);
  });
  it('agrees with the full scan', () => {
    for (const n of ['AT0123456', 'ABO123456', 'AB0I23456', 'XX']) expect(screenTraveller(docs(n, 'ARM'), list, { date })).toEqual(screenTravellerFullScan(docs(n, 'ARM'), list, { date }));
  });
});
