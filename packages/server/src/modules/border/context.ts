import { toLocalDateTime } from '@kamurj/domain/border';
import type { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { crossingPoints, type BorderReference, type CrossingPoint } from './settings.ts';

/**
 * The crossing point of a request, after checking the actor may act there. Unknown codes are 404.
 * `reference`: what the request read already (borderReference).
 */
export async function pointFor(deps: AppDeps, auth: AuthContext, code: string, action: access.Action = 'border.crossing.record', reference?: BorderReference): Promise<CrossingPoint> {
  requireCan(auth.actor, action);
  const point = (await crossingPoints(deps.db, deps.config.country, reference?.points)).find((p) => p.code === code);
  if (!point) throw new DomainError('BORDER.UNKNOWN_CROSSING_POINT', 'not_found', `No active crossing point ${code}`);
  requireCan(auth.actor, action, { jurisdictionPath: point.jurisdictionPath });
  return point;
}

/** How a person is named on border records (the display name; tokens by their name). */
export const displayName = (auth: AuthContext): string => auth.user?.displayName ?? auth.actorName;

/** The local calendar date at the crossing point for an instant. */
export function localDate(at: Date, timeZone: string): string {
  return toLocalDateTime(at.getTime(), timeZone)?.date ?? at.toISOString().slice(0, 10);
}
