import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '@kamurj/domain';
import { route, q, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import * as service from './service.ts';

const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore');
const displayName = z.string().trim().min(1).max(200);
const roles = z.array(z.enum(access.ROLES)).max(access.ROLES.length);
const jurisdictionIds = z.array(z.uuid()).max(500);

export function userRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());

  route(app, {
    method: 'GET',
    url: '/api/users',
    summary: 'List staff accounts the caller may see',
    tags: ['users'],
    auth: 'active',
    query: z.strictObject({
      q: q.text(100),
      agencyId: z.uuid().optional(),
      role: z.enum(access.ROLES).optional(),
      includeDisabled: q.bool(),
      limit: q.int(1, 200, 50),
      offset: q.int(0, 1_000_000, 0),
    }),
    handler: ({ req, query, auth, deps }) => service.listUsers(deps, origin(req), auth, query),
  });

  route(app, {
    method: 'GET',
    url: '/api/users/:id',
    summary: 'One staff account',
    tags: ['users'],
    auth: 'active',
    params: uuidParam,
    handler: ({ req, params, auth, deps }) => service.getUser(deps, origin(req), auth, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/users',
    summary: 'Create a staff account; returns a one-time temporary password',
    tags: ['users'],
    auth: 'active',
    status: 201,
    body: z.strictObject({ username, displayName, agencyId: z.uuid(), roles: roles.min(1), jurisdictionIds }),
    handler: ({ req, body, auth, deps }) => service.createUser(deps, origin(req), auth, body),
  });

  route(app, {
    method: 'PATCH',
    url: '/api/users/:id',
    summary: 'Change a staff account (optimistic concurrency on version)',
    tags: ['users'],
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({
      version: z.number().int().min(1),
      displayName: displayName.optional(),
      roles: roles.min(1).optional(),
      jurisdictionIds: jurisdictionIds.optional(),
      disabled: z.boolean().optional(),
    }),
    handler: ({ req, params, body, auth, deps }) => service.updateUser(deps, origin(req), auth, params.id, body),
  });

  route(app, {
    method: 'POST',
    url: '/api/users/:id/reset-password',
    summary: 'Set a new temporary password and end the user’s sessions',
    tags: ['users'],
    auth: 'active',
    params: uuidParam,
    body: z.strictObject({}).optional(),
    handler: ({ req, params, auth, deps }) => service.resetPassword(deps, origin(req), auth, params.id),
  });

  route(app, {
    method: 'POST',
    url: '/api/users/bulk-status',
    summary: 'Disable or enable many accounts; ids outside the caller’s reach are reported as denied',
    tags: ['users'],
    auth: 'active',
    body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(500), disabled: z.boolean() }),
    handler: ({ req, body, auth, deps }) => service.setDisabledMany(deps, origin(req), auth, body.ids, body.disabled),
  });
}
