import { describe, expect, it } from 'vitest';
import { stayPosition } from './stay-position.ts';

const rule = { kind: 'rolling', maxDays: 90, windowDays: 180 } as const;
const movements = [{ direction: 'entry', date: '2025-01-01' }] as const;

describe('stayPosition', () => {
  it('exempts citizens and residents', () => {
    expect(stayPosition({ status: 'citizen', rule: null, movements: [], controlDate: '2025-03-10' })).toEqual({ kind: 'exempt', reason: 'citizen' });
    expect(stayPosition({ status: 'resident', rule, movements: [...movements], controlDate: '2025-03-10' })).toEqual({ kind: 'exempt', reason: 'resident' });
  });
  it('shows a permit that covers the control date', () => {
    const permits = [
      { type: 'visa', from: '2025-01-01', to: '2025-02-01' },
      { type: 'work_permit', from: '2025-02-01', to: '2026-01-31' },
    ] as const;
    expect(stayPosition({ status: 'foreigner', rule, movements: [...movements], permits: [...permits], controlDate: '2025-03-10' })).toEqual({ kind: 'covered', by: 'work_permit', until: '2026-01-31' });
  });
  it('gives the engine figures otherwise, with the irregular-stay indicator', () => {
    const p = stayPosition({ status: 'foreigner', rule, movements: [...movements], controlDate: '2025-04-30' });
    expect(p).toMatchObject({ kind: 'counted', present: true, daysUsed: 120, daysRemaining: 0, overstayDays: 30, lastLawfulDay: '2025-03-31' });
    expect(p.kind === 'counted' && p.indicator).toMatchObject({ irregular: true, since: '2025-04-01', reason: { code: 'STAY.OVERSTAY_ROLLING' } });
  });
  it('counts days after a covering permit has ended, excluding its days', () => {
    const p = stayPosition({ status: 'foreigner', rule, movements: [...movements], permits: [{ type: 'residence', from: '2025-01-01', to: '2025-01-31' }], controlDate: '2025-03-01' });
    expect(p).toMatchObject({ kind: 'counted', daysUsed: 29 });
    const shortVisa = stayPosition({ status: 'foreigner', rule, movements: [...movements], permits: [{ type: 'visa', from: '2025-01-01', to: '2025-01-31', excludesDays: false }], controlDate: '2025-03-01' });
    expect(shortVisa).toMatchObject({ kind: 'counted', daysUsed: 60 });
  });
  it('says when no rule was chosen, and reports impossible dates instead of throwing', () => {
    expect(stayPosition({ status: 'foreigner', rule: null, movements: [], controlDate: '2025-03-10' })).toEqual({ kind: 'no_rule', code: 'BORDER.NO_STAY_RULE' });
    expect(stayPosition({ status: 'foreigner', rule, movements: [{ direction: 'entry', date: '2025-02-30' }], controlDate: '2025-03-10' })).toMatchObject({ kind: 'invalid', code: 'STAY.INVALID_DATE' });
  });
});
