/** The definition validator: broken tables are refused with a message naming the problem. */
import { describe, expect, it } from 'vitest';
import { checkCaseType, defineCaseType, residencePermitDefinition, workPermitDefinition, GENERIC_ACTION_CODES, type CaseTypeDefinitionInput } from './index.ts';

const minimal = (): CaseTypeDefinitionInput => ({
  code: 'tiny',
  version: 1,
  label: 'Tiny',
  statuses: ['open', 'closed'],
  initialStatus: 'open',
  terminalStatuses: ['closed'],
  legalBases: [{ code: 'X-1', citation: 'Test act art. 1' }],
  actions: [{ code: 'close', label: 'Close', from: ['open'], to: 'closed', roles: ['case_worker'] }],
});

function problems(def: unknown): string[] {
  const r = checkCaseType(def);
  if (r.ok) return [];
  return (r.error.details.issues ?? []).map((i) => `${i.code} ${i.message}`);
}

describe('definition validator', () => {
  it('accepts the examples and merges the generic actions into each', () => {
    for (const def of [residencePermitDefinition, workPermitDefinition, minimal()]) {
      const t = defineCaseType(def);
      for (const code of GENERIC_ACTION_CODES) expect(t.action(code)?.generic).toBe(true);
    }
  });

  it.each<[string, (d: CaseTypeDefinitionInput) => CaseTypeDefinitionInput, RegExp]>([
    ['unknown initial status', (d) => ({ ...d, initialStatus: 'nowhere' }), /UNKNOWN_STATUS Initial status "nowhere"/],
    ['unknown terminal status', (d) => ({ ...d, terminalStatuses: ['closed', 'gone'] }), /Terminal status "gone"/],
    ['action to unknown status', (d) => ({ ...d, actions: [...d.actions, { code: 'x', label: 'X', from: ['open'], to: 'limbo', roles: ['case_worker'] }] }), /leads to unknown status "limbo"/],
    ['action from unknown status', (d) => ({ ...d, actions: [...d.actions, { code: 'x', label: 'X', from: ['limbo'], to: 'open', roles: ['case_worker'] }] }), /starts from unknown status "limbo"/],
    ['unreachable status', (d) => ({ ...d, statuses: [...d.statuses, 'island'], terminalStatuses: ['closed', 'island'] }), /UNREACHABLE_STATUS Status "island"/],
    ['dead end', (d) => ({ ...d, statuses: [...d.statuses, 'stuck'], actions: [...d.actions, { code: 'park', label: 'Park', from: ['open'], to: 'stuck', roles: ['case_worker'] }] }), /DEAD_END Status "stuck"/],
    ['action out of a terminal status', (d) => ({ ...d, actions: [...d.actions, { code: 'reopen', label: 'Reopen', from: ['closed'], to: 'open', roles: ['case_worker'] }] }), /ACTION_FROM_TERMINAL Action "reopen"/],
    ['duplicate action code', (d) => ({ ...d, actions: [...d.actions, d.actions[0]!] }), /DUPLICATE_ACTION Action "close"/],
    ['clash with a generic action', (d) => ({ ...d, actions: [...d.actions, { code: 'assign', label: 'Mine', from: ['open'], to: 'same', roles: ['case_worker'] }] }), /Action "assign" is declared twice/],
    ['duplicate status', (d) => ({ ...d, statuses: ['open', 'closed', 'open'] }), /DUPLICATE_STATUS Status "open"/],
    ['unknown role', (d) => ({ ...d, actions: [{ ...d.actions[0]!, roles: ['case_wroker'] }] }), /UNKNOWN_ROLE Action "close" names unknown role "case_wroker"/],
    ['decision without a usable legal basis', (d) => ({ ...d, actions: [{ ...d.actions[0]!, effect: 'decision', decision: { outcome: 'granted', legalBases: ['NOPE'] } }] }), /unknown legal basis "NOPE"/],
    ['deadline on unknown action', (d) => ({ ...d, deadlines: [{ code: 'dl', label: 'DL', unit: 'working-days', length: 5, startOn: ['open-it'] }] }), /Deadline "dl" startOn unknown action "open-it"/],
    ['guard on unknown deadline', (d) => ({ ...d, actions: [{ ...d.actions[0]!, guards: [{ kind: 'deadlineNotExpired', deadline: 'dl' }] }] }), /unknown deadline "dl"/],
    ['schema: enum without values', (d) => ({ ...d, actions: [{ ...d.actions[0]!, fields: [{ name: 'kind', type: 'enum' }] }] }), /SCHEMA .*values are required/],
    ['schema: not kebab-case', (d) => ({ ...d, code: 'Tiny Case' }), /SCHEMA .*kebab-case/],
  ])('rejects %s', (_name, breakIt, message) => {
    const found = problems(breakIt(minimal()));
    expect(found.join('\n')).toMatch(message);
  });

  it('accepts roles a module declares, and throws CASE.DEFINITION_INVALID with every problem', () => {
    const withRole = { ...minimal(), roles: ['asylum_officer'], actions: [{ ...minimal().actions[0]!, roles: ['asylum_officer'] }] };
    expect(problems(withRole)).toEqual([]);
    expect(() => defineCaseType({ ...minimal(), initialStatus: 'x', terminalStatuses: ['y'] })).toThrow(/Case type "tiny" is not consistent: initialStatus/);
  });
});
