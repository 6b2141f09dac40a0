import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { AppDeps } from './app-deps.ts';
import { installErrorHandling } from './http/errors.ts';
import { audit } from './modules/audit/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { authRoutes, installAuthResolution } from './modules/auth/index.ts';
import { borderRoutes, closeScreening, placeScreening } from './modules/border/index.ts';
import { adjudicationHook, clearanceHook, crossingHook, edgeRoutes } from './modules/edge/index.ts';
import { caseworkRoutes } from './modules/casework/index.ts';
import { healthRoutes } from './modules/health/index.ts';
import { personRoutes } from './modules/persons/index.ts';
import { referenceRoutes } from './modules/reference/index.ts';
import { residenceRoutes } from './modules/residence/index.ts';
import { workRoutes } from './modules/work/index.ts';
import { downloadRoutes, statisticsRoutes } from './modules/statistics/index.ts';
import { tokenRoutes } from './modules/tokens/index.ts';
import { userRoutes } from './modules/users/index.ts';

export const VERSION = '0.1.0';
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

/** The app factory: everything but `listen`, so tests can `inject()` requests. */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { strict: false } },
    routerOptions: { maxParamLength: 200 },
    // Router-level failures (over-long or undecodable path parameters) speak the same error vocabulary.
    frameworkErrors: (error, req, reply) => {
      const body = { error: { code: 'REQUEST.INVALID_PATH', message: 'The address is not valid', requestId: req.id } };
      void (reply as FastifyReply).status(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400).send(body);
    },
  });
  // Edge mode (ADR 0503, 0514, 0515): what every recorded crossing also does (outbox at a node, conflict check at
  // the centre), and at a node what every adjudication does (its own outbox) and what screening also reads
  // (the centre's adjudications for the document presented).
  const onHitAdjudicated = deps.onHitAdjudicated ?? adjudicationHook(deps.config);
  const documentClearances = deps.documentClearances ?? clearanceHook(deps.config);
  app.decorate('deps', {
    ...deps,
    onCrossingsRecorded: deps.onCrossingsRecorded ?? crossingHook(deps.config),
    ...(onHitAdjudicated ? { onHitAdjudicated } : {}),
    ...(documentClearances ? { documentClearances } : {}),
  });
  // Screening in its own thread for large lists (ADR 0510), stopped with the server.
  placeScreening(deps.db, deps.config.screeningThread === 'on' ? 'thread' : deps.config.screeningThread === 'off' ? 'event-loop' : 'auto');
  app.addHook('onClose', async () => closeScreening(deps.db));
  // Validation is done by zod in route(); the JSON schemas exist for the OpenAPI document only.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('x-frame-options', 'DENY');
    if (!req.url.startsWith('/api/docs')) {
      void reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
    // Routes that may be cached (public open data) set their own cache-control; every other API answer is no-store.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kamurj API', version: VERSION, description: 'Integrated migration management information system' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kamurj_sid' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Machine token: kmj_<id>.<secret>' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installErrorHandling(app, async (req, err) => {
    if (!req.auth) return;
    // Denied attempts are part of the trail: who tried to reach what they may not.
    await deps.db.tx((tx) =>
      audit(tx, { auth: req.auth, clientIp: req.ip, requestId: req.id, at: deps.clock.now() }, {
        action: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        purpose: 'security',
        outcome: 'denied',
        details: { code: err.code },
      }),
    );
  });
  installAuthResolution(app);

  edgeRoutes(app); // first: on an edge node its guard refuses central-only writes
  healthRoutes(app, VERSION);
  authRoutes(app);
  userRoutes(app);
  tokenRoutes(app);
  auditRoutes(app);
  referenceRoutes(app);
  personRoutes(app);
  borderRoutes(app);
  residenceRoutes(app);
  workRoutes(app);
  statisticsRoutes(app);
  downloadRoutes(app);
  caseworkRoutes(app);

  const webDist = deps.config.webDist ? resolve(deps.config.webDist) : DEFAULT_WEB_DIST;
  if (opts.serveWeb && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    // Client-side routes fall back to the app shell; unknown /api paths stay JSON 404s.
    app.get('/*', { schema: { hide: true } }, (req, reply) =>
      req.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html'),
    );
  }
  return app;
}
