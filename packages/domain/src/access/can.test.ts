import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIONS, ROLES, ROLE_GRANTS, MODULES, type Action, type Role } from './vocabulary.ts';
import { can, modulesOf, withinScope, type Actor } from './can.ts';
import { lockoutMs, passwordProblems } from './login-policy.ts';

// A small territory: the country, two regions, crossing points below them.
const PATHS = ['ARM', 'ARM.AM-TV', 'ARM.AM-TV.BAGRATASHEN', 'ARM.AM-TV.AYRUM', 'ARM.AM-AV', 'ARM.AM-AV.ZVARTNOTS'];
const AGENCIES = ['mcs', 'nss', 'police'];

const actorArb = fc.record({
  kind: fc.constant('user' as const),
  id: fc.constant('u1'),
  agencyId: fc.constantFrom(...AGENCIES),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 3 }),
  scopes: fc.uniqueArray(fc.constantFrom(...PATHS), { maxLength: 3 }),
});
const targetArb = fc.record({
  agencyId: fc.option(fc.constantFrom(...AGENCIES), { nil: null }),
  jurisdictionPath: fc.option(fc.constantFrom(...PATHS), { nil: null }),
});

/** The access rule written out independently, as a specification to check `can` against. */
function oracle(actor: Actor, action: Action, target: { agencyId: string | null; jurisdictionPath: string | null }): boolean {
  return actor.roles.some((role) => {
    const reach = ROLE_GRANTS[role][action];
    if (reach === 'all') return true;
    if (reach === 'agency') return target.agencyId === actor.agencyId;
    if (reach === 'jurisdiction') {
      if (target.jurisdictionPath === null) return actor.scopes.includes('ARM');
      return actor.scopes.some((s) => target.jurisdictionPath === s || target.jurisdictionPath!.startsWith(`${s}.`));
    }
    return false;
  });
}

describe('access matrix (role × jurisdiction × action)', () => {
  it('agrees with the written-out rule for every combination', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ACTIONS), targetArb, (actor, action, target) => {
        expect(can(actor, action, target)).toBe(oracle(actor, action, target));
      }),
      { numRuns: 3000 },
    );
  });

  it('never grants more by adding scopes of another territory branch', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ACTIONS), (actor, action) => {
        // A Tavush-only actor never reaches Zvartnots through jurisdiction reach.
        const tavush = { ...actor, scopes: ['ARM.AM-TV'] };
        const reachesOnlyByJurisdiction = tavush.roles.every((r) => ROLE_GRANTS[r][action] !== 'all' && ROLE_GRANTS[r][action] !== 'agency');
        if (reachesOnlyByJurisdiction) expect(can(tavush, action, { jurisdictionPath: 'ARM.AM-AV.ZVARTNOTS' })).toBe(false);
      }),
    );
  });

  it('is monotonic in roles: adding a role never removes a permission', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ROLES), fc.constantFrom(...ACTIONS), targetArb, (actor, extra, action, target) => {
        if (can(actor, action, target)) expect(can({ ...actor, roles: [...actor.roles, extra] }, action, target)).toBe(true);
      }),
    );
  });

  it('gives an actor without roles nothing', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ACTIONS), targetArb, (a, action, t) => {
        expect(can({ ...a, roles: [] }, action, t)).toBe(false);
      }),
    );
  });

  it('limits machine tokens to their listed actions within their scopes', () => {
    const token: Actor = { kind: 'token', id: 't', agencyId: 'nss', roles: [], scopes: ['ARM.AM-TV.BAGRATASHEN'], tokenActions: ['border.crossing.record'] };
    expect(can(token, 'border.crossing.record', { jurisdictionPath: 'ARM.AM-TV.BAGRATASHEN' })).toBe(true);
    expect(can(token, 'border.crossing.record', { jurisdictionPath: 'ARM.AM-AV.ZVARTNOTS' })).toBe(false);
    expect(can(token, 'users.manage')).toBe(false);
  });

  it('keeps the oversight roles apart', () => {
    const role = (r: Role): Actor => ({ kind: 'user', id: 'x', agencyId: 'mcs', roles: [r], scopes: ['ARM'] });
    expect(can(role('auditor'), 'audit.read')).toBe(true);
    expect(can(role('auditor'), 'users.manage')).toBe(false);
    expect(can(role('system_admin'), 'audit.read')).toBe(true);
    expect(can(role('agency_admin'), 'audit.read')).toBe(false);
    expect(can(role('agency_admin'), 'users.manage', { agencyId: 'nss' })).toBe(false);
    expect(can(role('agency_admin'), 'users.manage', { agencyId: 'mcs' })).toBe(true);
    // Border officers also read visas (checked at any crossing point, ADR 0701).
    expect(modulesOf(role('border_officer'))).toEqual(['border', 'persons', 'visas']);
    expect(MODULES.every((m) => ACTIONS.includes(m.action))).toBe(true);
  });

  it('treats scope paths as a tree, not as string prefixes', () => {
    expect(withinScope('ARM.AM-TV.BAGRATASHEN', 'ARM.AM-TV')).toBe(true);
    expect(withinScope('ARM.AM-TVX', 'ARM.AM-TV')).toBe(false);
  });
});

describe('login policy', () => {
  it('locks progressively and caps at one hour', () => {
    expect(lockoutMs(4, 5)).toBe(0);
    expect(lockoutMs(5, 5)).toBe(60_000);
    expect(lockoutMs(6, 5)).toBe(120_000);
    expect(lockoutMs(50, 5)).toBe(3_600_000);
  });
  it('rejects short, trivial and username-based passwords', () => {
    expect(passwordProblems('short', 'anna').map((p) => p.code)).toContain('too_short');
    expect(passwordProblems('aaaaaaaaaaaaaaaa', 'anna').map((p) => p.code)).toContain('too_simple');
    expect(passwordProblems('my-name-is-anna-2026', 'anna').map((p) => p.code)).toContain('same_as_username');
    expect(passwordProblems('correct horse battery', 'anna')).toEqual([]);
  });
});
