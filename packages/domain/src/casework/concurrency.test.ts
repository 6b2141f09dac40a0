/**
 * Optimistic concurrency: commands name the version they were based on. Of two commands on the same
 * version only the first is accepted; the second gets CASE.STALE_VERSION, and when its author reloads
 * and retries on the new version nothing is lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAction, foldCase, residencePermitType as T, type ActionCommand, type CaseActor, type RecordedAction } from './index.ts';
import { actor, ctx, SHA } from './testing/harness.ts';

const worker = actor(['case_worker'], 'MCS', 'w1');
const other = actor(['case_worker'], 'MCS', 'w2');
const SUBMIT = { kind: 'temporary', ground: 'study', applicantId: 'P-9', nationality: 'IND', passportNumber: 'Z9', passportValidUntil: '2031-01-01', feePaid: true };

function submittedLog(): readonly RecordedAction[] {
  const r = appendAction(T, [], worker, { code: 'submit', baseVersion: 0, date: '2026-04-20', payload: SUBMIT }, ctx);
  if (!r.ok) throw r.error;
  return r.log;
}

/** Commands two users might send at once on a submitted case. */
const concurrentCommand = fc.oneof(
  fc.string({ maxLength: 20 }).map((text) => ({ code: 'add-note', payload: { text: `note ${text}` } })),
  fc.nat({ max: 10 ** 6 }).map((size) => ({ code: 'attach-file', payload: { name: 'f.pdf', mediaType: 'application/pdf', size: size + 1, sha256: SHA } })),
  fc.constantFrom('u1', 'u2').map((assigneeId) => ({ code: 'assign', payload: { assigneeId } })),
  fc.constant({ code: 'start-checks', payload: {} }),
  fc.constant({ code: 'withdraw', payload: {} }),
);

describe('two actions on the same version', () => {
  it('the second is stale; a retry on the new version keeps both, or is refused for a reason of its own', () => {
    fc.assert(
      fc.property(concurrentCommand, concurrentCommand, fc.constantFrom<[CaseActor, CaseActor]>([worker, other], [other, worker]), (a, b, [first, second]) => {
        const log = submittedLog();
        const v = log.length;
        const date = '2026-04-21';
        const ca: ActionCommand = { ...a, baseVersion: v, date };
        const cb: ActionCommand = { ...b, baseVersion: v, date };
        const ra = appendAction(T, log, first, ca, ctx);
        expect(ra.ok).toBe(true);
        if (!ra.ok) return;
        const rb = appendAction(T, ra.log, second, cb, ctx);
        expect(rb.ok ? 'accepted' : rb.error.code).toBe('CASE.STALE_VERSION');
        expect(rb.log).toBe(ra.log);
        // The second user reloads (sees the first action) and retries on the new version.
        const seen = foldCase(T, rb.log, ctx);
        expect(seen.version).toBe(v + 1);
        const retry = appendAction(T, rb.log, second, { ...cb, baseVersion: seen.version }, ctx);
        if (retry.ok) {
          expect(retry.log.map((r) => r.code)).toEqual(['submit', a.code, b.code]);
          expect(retry.log[1]).toEqual(ra.record); // the first action is untouched
        } else {
          // Refused on its merits (e.g. the case was withdrawn or assigned meanwhile), never as stale.
          expect(retry.error.code).not.toBe('CASE.STALE_VERSION');
          expect(retry.log).toEqual(ra.log);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('many writers with reload-and-retry lose no note', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 30 }), (order) => {
        // Each writer read the case at version `seen[w]`; the server takes them in `order`.
        let log = submittedLog();
        const seen = [0, 1, 2, 3, 4, 5].map(() => log.length);
        const written: string[] = [];
        order.forEach((w, i) => {
          const text = `note ${i} by ${w}`;
          let r = appendAction(T, log, actor(['case_worker'], 'MCS', `w${w}`), { code: 'add-note', baseVersion: seen[w] as number, date: '2026-04-21', payload: { text } }, ctx);
          if (!r.ok) {
            expect(r.error.code).toBe('CASE.STALE_VERSION');
            r = appendAction(T, log, actor(['case_worker'], 'MCS', `w${w}`), { code: 'add-note', baseVersion: log.length, date: '2026-04-21', payload: { text } }, ctx);
          }
          if (!r.ok) throw r.error;
          log = r.log;
          written.push(text);
          seen[w] = log.length;
        });
        expect(log.slice(1).map((r) => r.payload.text)).toEqual(written);
        expect(foldCase(T, log, ctx).notes).toBe(order.length);
        expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i + 1));
      }),
    );
  });

  it('a version from the future is stale too', () => {
    const log = submittedLog();
    const r = appendAction(T, log, worker, { code: 'add-note', baseVersion: 5, date: '2026-04-21', payload: { text: 'x' } }, ctx);
    expect(r.ok ? 'accepted' : r.error).toMatchObject({ code: 'CASE.STALE_VERSION', kind: 'conflict', details: { baseVersion: 5, version: 1 } });
  });
});
