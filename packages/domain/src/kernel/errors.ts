/**
 * The error vocabulary. Codes are stable (clients and translations key on them); the server maps each
 * kind to an HTTP status in one place (packages/server/src/http/errors.ts).
 */
export type ErrorKind =
  | 'validation' // 400: the request is malformed or a field is wrong
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: stale version, duplicate key
  | 'gone' // 410
  | 'payload_too_large' // 413
  | 'unsupported_media' // 415
  | 'rate_limited' // 429
  | 'unavailable' // 503
  | 'internal'; // 500

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `body.roles.0`. */
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: { issues?: FieldIssue[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const validationError = (issues: FieldIssue[], message = 'The request is not valid') =>
  new DomainError('REQUEST.INVALID', 'validation', message, { issues });
