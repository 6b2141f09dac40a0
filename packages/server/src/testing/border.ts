import { formatMrz } from '@kamurj/domain/documents/mrz';
import type { Client } from './test-app.ts';

/** Test helpers for the border module (not a test file itself). */
export function passportMrz(p: { surname: string; given: string; number: string; state?: string; nationality?: string; birth?: string; sex?: 'M' | 'F'; expiry?: string }): string {
  const r = formatMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: p.state ?? 'USA',
    documentNumber: p.number,
    nationality: p.nationality ?? p.state ?? 'USA',
    birthDate: p.birth ?? '1980-03-04',
    sex: p.sex ?? 'M',
    expiryDate: p.expiry ?? '2031-01-01',
    surname: p.surname,
    givenNames: p.given,
  });
  if (!r.ok) throw new Error(`bad test MRZ: ${JSON.stringify(r)}`);
  return r.text;
}

let seq = 0;
export const newKey = () => `test-key-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

export function record(c: Client, body: Record<string, unknown>, key = newKey()) {
  return c.request('POST', '/api/border/crossings', body, { 'idempotency-key': key });
}

/** A crossing body at Zvartnots: an admitted entry of this passport unless `extra` says otherwise. */
export const zvartnotsEntry = (mrz: string, extra: Record<string, unknown> = {}) => ({ crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'admit', ...extra });
