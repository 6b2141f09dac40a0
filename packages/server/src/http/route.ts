import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { DomainError, validationError, type FieldIssue } from '@kamurj/domain/kernel';
import type { AuthContext } from './auth-context.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * Every route is declared with zod schemas for what it accepts. The same schemas validate requests (unknown
 * fields are rejected, each problem names its field) and document the API in OpenAPI 3.1.
 */
export type AuthLevel = 'public' | 'pending' | 'active';

export interface HandlerCtx<B, Q, P, A extends AuthLevel> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
  auth: A extends 'public' ? AuthContext | null : AuthContext;
  deps: AppDeps;
}

export interface RouteDef<B, Q, P, A extends AuthLevel> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  auth: A;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  response?: ZodType;
  status?: number;
  /** A body limit of this route's own (bytes), instead of KAMURJ_BODY_LIMIT_BYTES (e.g. imports). */
  bodyLimit?: number;
  handler(ctx: HandlerCtx<B, Q, P, A>): Promise<unknown>;
}

export function zodIssues(error: z.ZodError, where: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: `${base}.${k}`, code: 'unknown_field', message: `Unknown field "${k}"` }));
    }
    return [{ field: base, code: issue.code, message: issue.message }];
  });
}

function parsePart<T>(schema: ZodType<T> | undefined, value: unknown, where: string, issues: FieldIssue[]): T {
  if (!schema) return value as T;
  // A JSON body of `null` is not "no body".
  if (where === 'body' && value === null) {
    issues.push({ field: 'body', code: 'invalid_type', message: 'Expected a JSON object' });
    return undefined as T;
  }
  const r = schema.safeParse(where === 'body' ? value : (value ?? {}));
  if (r.success) return r.data;
  issues.push(...zodIssues(r.error, where));
  return undefined as T;
}

const toJsonSchema = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' }, issues: { type: 'array' } },
      required: ['code', 'message', 'requestId'],
    },
  },
};

/** Routes that declare no query parameters reject any (unknown fields are errors everywhere). */
const NO_QUERY = z.strictObject({});

export function route<B = undefined, Q = undefined, P = undefined, A extends AuthLevel = 'active'>(
  app: FastifyInstance,
  def: RouteDef<B, Q, P, A>,
): void {
  const schema: Record<string, unknown> = { summary: def.summary, tags: def.tags };
  if (def.body) schema.body = toJsonSchema(def.body);
  if (def.query) schema.querystring = toJsonSchema(def.query);
  if (def.params) schema.params = toJsonSchema(def.params);
  schema.response = {
    [def.status ?? 200]: def.response ? toJsonSchema(def.response) : { description: 'OK' },
    '4XX': errorSchema,
  };
  if (def.auth !== 'public') schema.security = [{ session: [] }, { bearer: [] }];

  app.route({
    method: def.method,
    url: def.url,
    schema,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    handler: async (req, reply) => {
      const auth = req.auth;
      if (def.auth !== 'public') {
        if (!auth) {
          if (req.authProblem === 'AUTH.SESSION_EXPIRED') {
            throw new DomainError('AUTH.SESSION_EXPIRED', 'unauthenticated', 'Your session expired; log in again');
          }
          throw new DomainError('AUTH.UNAUTHENTICATED', 'unauthenticated', 'Log in first');
        }
        if (def.auth === 'active' && auth.session && auth.session.state !== 'active') {
          throw new DomainError('AUTH.STEP_REQUIRED', 'forbidden', `Finish logging in first (${auth.session.state})`, {
            state: auth.session.state,
          });
        }
      }
      const issues: FieldIssue[] = [];
      const params = parsePart(def.params, req.params, 'params', issues);
      const query = parsePart((def.query ?? NO_QUERY) as ZodType<Q>, req.query, 'query', issues);
      const body = parsePart(def.body, req.body, 'body', issues);
      if (issues.length) throw validationError(issues);
      const result = await def.handler({ req, reply, body, query, params, auth: auth as never, deps: app.deps });
      if (reply.sent) return reply;
      // A handler may set a status of its own (readiness answers 503); otherwise the route's success status.
      const status = reply.statusCode !== 200 ? reply.statusCode : (def.status ?? 200);
      return reply.status(status).send(result ?? undefined);
    },
  });
}

/** Query-string helpers: values arrive as strings. */
export const q = {
  int: (min: number, max: number, dflt: number) => z.coerce.number().int().min(min).max(max).default(dflt),
  bool: () =>
    z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  text: (max = 200) => z.string().trim().min(1).max(max).optional(),
};

export const uuidParam = z.strictObject({ id: z.uuid() });
