import { access } from '@kamurj/domain';

/**
 * The SQL form of a jurisdiction reach, for filtering many persons in the database before the pure `can`
 * decides each one (which it still does): a scope reaches its own path and every path below it; a
 * national record (no path) only from a national scope. Returns null when the reach is national.
 */
export function reachFilter(actor: access.Actor, action: access.Action, column: string, p: (v: unknown) => string): string | null {
  const reaches = access.reachOf(actor, action);
  if (reaches.includes('all')) return null;
  if (!reaches.includes('jurisdiction')) return 'false';
  const scopes = p([...actor.scopes]);
  const national = p(actor.scopes.some((s) => !s.includes('.')));
  return `((${column} IS NULL AND ${national}::boolean) OR EXISTS (SELECT 1 FROM unnest(${scopes}::text[]) AS s(scope)
            WHERE ${column} = s.scope OR left(${column}, length(s.scope) + 1) = s.scope || '.'))`;
}
