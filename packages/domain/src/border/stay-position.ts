/**
 * The stay position the console shows for a traveller: a thin adapter over the stay engine
 * (../stay, docs/decisions/0201-stay-engine.md). Citizens and residents need no rule (exempt); a
 * foreigner whose visa, residence status or work permit covers the control date is covered; everyone
 * else gets the engine's figures and the irregular-stay indicator under the rule chosen for them
 * (by nationality, document and treaty — chosen by the caller, not here).
 */
import { checkStay, irregularStay, StayInputError, type IrregularStayIndicator, type Movement, type StayRule, type StayWarning } from '../stay/index.ts';
import type { IsoDate } from './common/dates.ts';

export type PersonStatus = 'citizen' | 'resident' | 'foreigner';

/** A period under a visa, residence status or work permit (inclusive). */
export interface Permit {
  readonly type: 'visa' | 'residence' | 'work_permit';
  readonly from: IsoDate;
  readonly to: IsoDate;
  /**
   * Whether its days are excluded from the visa-free count (residence status, long-stay visa: yes;
   * a short-stay visa: no — its holder still counts days, §2.2). Default true.
   */
  readonly excludesDays?: boolean;
}

export type StayPosition =
  | { readonly kind: 'exempt'; readonly reason: 'citizen' | 'resident' }
  | { readonly kind: 'covered'; readonly by: Permit['type']; readonly until: IsoDate }
  | {
      readonly kind: 'counted';
      readonly present: boolean;
      readonly daysUsed: number;
      readonly daysRemaining: number | null;
      readonly overstayDays: number;
      readonly lastLawfulDay: IsoDate | null;
      readonly indicator: IrregularStayIndicator;
      readonly warnings: readonly StayWarning[];
    }
  | { readonly kind: 'no_rule'; readonly code: 'BORDER.NO_STAY_RULE' }
  | { readonly kind: 'invalid'; readonly code: string; readonly message: string };

export interface StayPositionInput {
  readonly status: PersonStatus;
  /** The rule for this foreigner (null when none could be chosen). Ignored for citizens and residents. */
  readonly rule: StayRule | null;
  readonly movements: readonly Movement[];
  readonly permits?: readonly Permit[];
  readonly controlDate: IsoDate;
}

export function stayPosition(input: StayPositionInput): StayPosition {
  if (input.status === 'citizen' || input.status === 'resident') return { kind: 'exempt', reason: input.status };
  const permits = input.permits ?? [];
  // The permit covering the control date that lasts longest wins (what the officer needs to know).
  const covering = permits.filter((p) => p.from <= input.controlDate && input.controlDate <= p.to).sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0))[0];
  if (covering) return { kind: 'covered', by: covering.type, until: covering.to };
  if (input.rule === null) return { kind: 'no_rule', code: 'BORDER.NO_STAY_RULE' };
  const stayInput = {
    rule: input.rule,
    movements: input.movements,
    covered: permits.filter((p) => p.excludesDays !== false).map((p) => ({ from: p.from, to: p.to })),
    controlDate: input.controlDate,
  };
  try {
    const r = checkStay(stayInput);
    return {
      kind: 'counted',
      present: r.present,
      daysUsed: r.daysUsed,
      daysRemaining: r.daysRemaining,
      overstayDays: r.overstayDays,
      lastLawfulDay: r.lastLawfulDay,
      indicator: irregularStay(stayInput),
      warnings: r.warnings,
    };
  } catch (e) {
    if (e instanceof StayInputError) return { kind: 'invalid', code: e.code, message: e.message };
    throw e;
  }
}
