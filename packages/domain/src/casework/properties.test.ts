/**
 * Property tests over random paths through each case type's action table: random actors (fitting or
 * not), random payloads (valid or spoiled), random dates and versions. Every accepted action respects
 * status, roles and required fields; every refused one leaves log and state unchanged; the fold never
 * leaves the definition's statuses; allowedActions agrees with what appendAction does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './dates.ts';
import { allowedActions, appendAction, foldCase, residencePermitType, workPermitType, type CaseType, type RecordedAction } from './index.ts';
import { AGENCIES, CONSENT_OVERRIDE_PERMISSION, ctx, rolesOf, spoil, validPayload, type PayloadMode } from './testing/harness.ts';

const step = fc.record({
  pick: fc.nat(),
  fit: fc.nat({ max: 9 }), // 0–6: an actor who may act; 7–9: anyone
  roleMask: fc.nat({ max: 255 }),
  agency: fc.nat({ max: 2 }),
  mode: fc.constantFrom<PayloadMode>('valid', 'valid', 'valid', 'valid', 'drop-required', 'unknown-field', 'wrong-type'),
  days: fc.constantFrom(0, 0, 1, 3, 10, 40),
  stale: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1),
  override: fc.boolean(),
  permitted: fc.boolean(),
  n: fc.nat({ max: 10_000 }),
});

/** Steps by fitting actors with valid payloads: the walk goes deep. */
const cleanStep = step.map((s): Step => ({ ...s, mode: 'valid', stale: 0, fit: s.fit % 7 }));

/** Codes that depend only on state and actor: allowedActions must report them the same way. */
const GATE_CODES = new Set([
  'CASE.ACTION_NOT_ALLOWED_IN_STATUS',
  'CASE.ROLE_NOT_ALLOWED',
  'CASE.TRANSFER_PENDING',
  'CASE.NO_PENDING_TRANSFER',
  'CASE.NOT_RECEIVING_AGENCY',
  'CASE.DEADLINE_EXPIRED',
  'CASE.PRECONDITION_FAILED',
  'CASE.NOT_ASSIGNED',
]);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function runPath(type: CaseType, steps: Step[]) {
  const def = type.definition;
  const roles = rolesOf(type);
  let log: readonly RecordedAction[] = [];
  let date = '2026-04-20';
  for (const s of steps) {
    date = addCalendarDays(date, s.days);
    const before = foldCase(type, log, { ...ctx, asOf: date });
    // Mostly steps that are allowed and move the case on (or have not been taken yet), so that long
    // paths reach deep statuses; some steps are anything at all.
    const allowed = allowedActions(type, before, { id: 'probe', agencyId: 'MCS', roles }, date)
      .filter((a) => a.allowed || a.overridable)
      .map((a) => a.code);
    const untaken = allowed.filter((c) => !before.actionCounts[c]);
    const forward = allowed.filter((c) => {
      const to = type.action(c)?.to ?? 'same';
      return to !== 'same' && !type.isTerminal(to);
    });
    const choose = (...lists: string[][]) => lists.find((l) => l.length > 0) ?? def.actions.map((a) => a.code);
    const pool = s.fit < 4 ? choose(forward, untaken, allowed) : s.fit < 6 ? choose(untaken, allowed) : s.fit < 7 ? choose(allowed) : choose([]);
    const spec = type.action(pool[s.pick % pool.length] as string);
    if (!spec) throw new Error('unreachable');
    const fitting = s.fit < 7;
    const actorRoles = fitting ? [spec.roles[s.pick % spec.roles.length] as string] : roles.filter((_, i) => s.roleMask & (1 << i));
    const agencyId = fitting ? (before.pendingTransfer?.toAgencyId ?? before.agencyId ?? 'MCS') : (AGENCIES[s.agency] as string);
    const who = { id: `u${s.agency}`, agencyId, roles: actorRoles, permissions: s.permitted ? [CONSENT_OVERRIDE_PERMISSION] : [] };
    const payload = spoil(spec, validPayload(type, before, spec, s.n, date), s.mode, s.n);
    const command = { code: spec.code, baseVersion: before.version + s.stale, date, payload, ...(s.override ? { override: { reason: 'Imminent danger to the person' } } : {}) };
    const verdict = allowedActions(type, before, who, date).find((a) => a.code === spec.code);
    const result = appendAction(type, log, who, command, ctx);

    if (result.ok) {
      expect(s.stale).toBe(0);
      expect(who.roles.some((r) => spec.roles.includes(r))).toBe(true);
      expect(type.statusesOf(spec)).toContain(before.status);
      for (const f of spec.fields.filter((x) => x.required)) expect(payload[f.name] ?? null, `${spec.code}.${f.name}`).not.toBeNull();
      if (spec.effect === 'decision') expect(def.legalBases.map((b) => b.code)).toContain(payload.legalBasis);
      expect(verdict?.allowed || verdict?.overridable).toBe(true);
      if (result.record.override) expect(who.permissions).toContain(CONSENT_OVERRIDE_PERMISSION);
      expect(result.state.version).toBe(before.version + 1);
      expect(result.log).toHaveLength(log.length + 1);
      log = result.log;
    } else {
      expect(result.log).toBe(log);
      expect(foldCase(type, log, { ...ctx, asOf: date })).toEqual(before);
      if (s.stale !== 0) expect(result.error.code).toBe('CASE.STALE_VERSION');
      else if (GATE_CODES.has(result.error.code)) expect(verdict).toMatchObject({ allowed: false, reason: result.error.code });
    }
    const after = foldCase(type, log, ctx);
    expect(def.statuses).toContain(after.status);
    expect(after.terminal).toBe(def.terminalStatuses.includes(after.status));
    expect(after.version).toBe(log.length);
  }
  return log;
}

const runs = { numRuns: Number(process.env.CASEWORK_PROPERTY_RUNS ?? 150) };

describe.each([
  ['residence-permit', residencePermitType],
  ['work-permit', workPermitType],
])('random paths through %s', (_name, type) => {
  it('respect statuses, roles, required fields; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40, size: 'medium' }), (steps) => {
        runPath(type, steps);
      }),
      runs,
    );
  });

  it('reach every status of the definition over many paths', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(cleanStep, { minLength: 30, maxLength: 60 }), (steps) => {
        const log = runPath(type, steps);
        for (let i = 0; i <= log.length; i += 1) seen.add(foldCase(type, log.slice(0, i), ctx).status);
      }),
      { numRuns: 100, seed: 4011 },
    );
    expect([...seen].sort()).toEqual([...type.definition.statuses].sort());
  });
});
