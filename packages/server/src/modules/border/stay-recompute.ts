import type { Queryable } from '../../db/client.ts';
import { findPerson } from '../persons/index.ts';
import { localDate } from './context.ts';
import { crossingsOfPerson } from './crossings-repository.ts';
import { loadSettings, profileOf } from './settings.ts';
import { computeStay, currentRows, movementsOf, saveStayPosition, stayFacts, type ComputedStay } from './stay.ts';

/**
 * Recomputes a person's stored stay position after something other than a crossing changed it: a visa or
 * residence status added or withdrawn (ADR 0701). Called inside the caller's transaction. The control
 * date is today at the country's time zone; the crossing columns keep the person's latest admitted
 * crossing. A person who never crossed has no position and none is created. While a visa or status
 * covers today, the person is lawful at least until it ends (the engine's last lawful day counts only
 * visa-free days).
 */
export async function recomputeStayPosition(tx: Queryable, country: string, personId: string, at: Date): Promise<ComputedStay | null> {
  const person = await findPerson(tx, personId);
  if (!person) return null;
  const admitted = currentRows(await crossingsOfPerson(tx, personId)).filter((r) => r.decision === 'admit');
  const last = admitted.at(-1);
  if (!last) return null;
  const profile = profileOf(country);
  const settings = await loadSettings(tx, country);
  const today = localDate(at, profile.timezone);
  const s = computeStay(stayFacts(person.record, null, today, settings, profile), movementsOf(admitted), today);
  const covered = s.position.kind === 'covered' && s.present ? s.position.until : null;
  const stay: ComputedStay = covered && (!s.lastLawfulDay || s.lastLawfulDay < covered) ? { ...s, lastLawfulDay: covered } : s;
  await saveStayPosition(tx, personId, { id: last.id, direction: last.direction, occurredAt: last.occurred_at.toISOString(), crossingPoint: last.crossing_point }, stay, at);
  return stay;
}
