import type { EdgeConfig } from '../../config/config.ts';

/**
 * How an edge node talks to the centre (ADR 0503). A network failure (refused, reset, timed out) throws
 * `CentreUnreachable`; any HTTP answer is returned with its status, so callers decide what is transient.
 */
export interface CentreAnswer {
  status: number;
  body: unknown;
}

export interface CentreClient {
  request(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<CentreAnswer>;
}

export class CentreUnreachable extends Error {
  constructor(cause: unknown) {
    super(`The centre cannot be reached: ${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)}`);
    this.name = 'CentreUnreachable';
  }
}

export function httpCentreClient(edge: Pick<EdgeConfig, 'centreUrl' | 'token' | 'requestTimeoutMs'>): CentreClient {
  return {
    async request(method, path, body, headers = {}) {
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${edge.centreUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${edge.token}`,
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(edge.requestTimeoutMs),
        });
        text = await res.text();
      } catch (e) {
        throw new CentreUnreachable(e);
      }
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // A proxy's HTML error page: kept as text for the error message.
      }
      return { status: res.status, body: parsed };
    },
  };
}

/** A short description of an answer that was not a success, for the node's status and the outbox row. */
export function describeAnswer(a: CentreAnswer): string {
  const err = (a.body as { error?: { code?: string; message?: string } } | null)?.error;
  return err?.code ? `${a.status} ${err.code}: ${err.message ?? ''}`.trim() : `HTTP ${a.status}`;
}
