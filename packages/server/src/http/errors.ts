import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError, type ErrorKind, type FieldIssue } from '@kamurj/domain/kernel';

/** The one place where error kinds become HTTP statuses. */
export const HTTP_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export const notFound = (what: string, code = 'NOT_FOUND') => new DomainError(code, 'not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('ACCESS.FORBIDDEN', 'forbidden', message);
export const staleVersion = (current: unknown) =>
  new DomainError('CONFLICT.STALE_VERSION', 'conflict', 'The record was changed by someone else; reload and try again', { current });

/** Fastify's own 4xx errors (parsing, content type, size) translated into the vocabulary. */
function fromFastify(err: FastifyError): DomainError | undefined {
  const status = err.statusCode ?? 500;
  if (status >= 500) return undefined;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('REQUEST.TOO_LARGE', 'payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported_media', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('REQUEST.INVALID', 'validation', 'The JSON body is empty', {
        issues: [{ field: 'body', code: 'empty', message: 'A JSON body is required' }],
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformedJson();
    default:
      if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return malformedJson();
      if (status === 404) return new DomainError('NOT_FOUND', 'not_found', 'Not found');
      if (status === 415) return new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported_media', 'Unsupported content type');
      if (status === 413) return new DomainError('REQUEST.TOO_LARGE', 'payload_too_large', 'The request body is too large');
      if (status === 429) return new DomainError('RATE_LIMITED', 'rate_limited', 'Too many requests');
      return new DomainError('REQUEST.INVALID', 'validation', 'The request is not valid', {
        issues: [{ field: 'request', code: 'invalid', message: 'The request could not be read' }],
      });
  }
}

const malformedJson = () =>
  new DomainError('REQUEST.MALFORMED_JSON', 'validation', 'The body is not valid JSON', {
    issues: [{ field: 'body', code: 'malformed_json', message: 'The body is not valid JSON' }],
  });

export interface ErrorBody {
  error: { code: string; message: string; issues?: FieldIssue[]; requestId: string; [key: string]: unknown };
}

export function toErrorBody(err: DomainError, requestId: string): ErrorBody {
  const { issues, ...rest } = err.details;
  return { error: { code: err.code, message: err.message, ...(issues ? { issues } : {}), ...rest, requestId } };
}

export type DeniedHook = (req: FastifyRequest, err: DomainError) => Promise<void>;

export function installErrorHandling(app: FastifyInstance, onDenied?: DeniedHook): void {
  app.setErrorHandler(async (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = isDomainError(error) ? error : fromFastify(error);
    if (!known) {
      // 500s never leak internals: the log has the stack, the client a request id.
      req.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send(toErrorBody(new DomainError('INTERNAL', 'internal', 'Something went wrong on our side'), req.id));
    }
    if (known.kind === 'forbidden' && onDenied) await onDenied(req, known).catch((e) => req.log.error({ err: e }, 'audit of denial failed'));
    const status = HTTP_STATUS[known.kind];
    if (known.kind === 'rate_limited' && typeof known.details.retryAfterSeconds === 'number') {
      void reply.header('retry-after', String(known.details.retryAfterSeconds));
    }
    if (status >= 500) req.log.error({ err: error }, 'server error');
    return reply.status(status).send(toErrorBody(known, req.id));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(toErrorBody(new DomainError('NOT_FOUND', 'not_found', `No route ${req.method} ${req.url.split('?')[0]}`), req.id)),
  );
}
