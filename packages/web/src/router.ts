import { useSyncExternalStore } from 'react';

/**
 * A small hash router: `#/users/42?q=ann` → path ['users', '42'] and its query. Hashes that do not start
 * with `#/` (the skip link's `#main`) are not routes and leave the current page in place.
 */
export interface Route {
  path: string[];
  query: URLSearchParams;
  /** The route part of the hash, e.g. `/users/42?q=ann`. */
  key: string;
}

let lastRouteHash = '#/';

function snapshot(): string {
  const h = window.location.hash;
  if (h === '' || h === '#') lastRouteHash = '#/';
  else if (h.startsWith('#/')) lastRouteHash = h;
  return lastRouteHash;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

const cache = new Map<string, Route>();

export function parseHash(hash: string): Route {
  const cached = cache.get(hash);
  if (cached) return cached;
  const body = hash.replace(/^#/, '');
  const [pathPart = '/', queryPart = ''] = body.split('?', 2);
  const path = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const route: Route = { path, query: new URLSearchParams(queryPart), key: body };
  cache.set(hash, route);
  return route;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '#/');
  return parseHash(hash);
}

export type QueryInput = Record<string, string | number | boolean | null | undefined>;

/** Builds `#/a/b?x=1` from path segments and a query (empty values left out). */
export function href(path: readonly (string | number)[], query?: QueryInput): string {
  const p = path.map((s) => encodeURIComponent(String(s))).join('/');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `#/${p}${qs ? `?${qs}` : ''}`;
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}
