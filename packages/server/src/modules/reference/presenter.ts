import type { ReferenceRow } from './repository.ts';

export const presentItem = (r: ReferenceRow) => ({
  key: r.key,
  names: r.names,
  attributes: r.attributes,
  active: r.active,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});
