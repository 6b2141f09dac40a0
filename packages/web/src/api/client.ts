/**
 * The one way the web app talks to the server: same-origin JSON over fetch. Every non-GET request carries
 * the CSRF token from the last session (login or /me) response and a JSON body (`{}` when empty). Error
 * bodies (`{ error: { code, message, issues?, … } }`) become ApiError with the code kept for translation.
 */

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message?: string;
  issues?: FieldIssue[];
  requestId?: string;
  retryAfterSeconds?: number;
  current?: unknown;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message ?? body.code);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.body = body;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Codes the client invents itself (no server answer to read). */
export const NETWORK_ERROR = 'NETWORK.UNREACHABLE';
export const BAD_RESPONSE = 'NETWORK.BAD_RESPONSE';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (any 401) on an ordinary request. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (login, /me). */
  quiet401?: boolean;
  /** Extra request headers (e.g. Idempotency-Key on retried writes). */
  headers?: Record<string, string>;
}

async function request<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: opts.signal ?? null };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: NETWORK_ERROR, message: 'The server cannot be reached' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(res.status, { code: BAD_RESPONSE, message: 'The server sent an unreadable answer' });
    }
  }
  if (!res.ok) {
    const err = (json as { error?: ErrorBody } | undefined)?.error;
    const body: ErrorBody =
      err && typeof err.code === 'string' ? err : { code: `HTTP.${res.status}`, message: res.statusText };
    // AUTH.UNAUTHENTICATED or AUTH.SESSION_EXPIRED: either way the session is gone.
    if (res.status === 401 && !opts.quiet401) onUnauthenticated?.();
    throw new ApiError(res.status, body);
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, opts?: RequestOptions) =>
    request<T>('GET', withQuery(path, query), undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
};
