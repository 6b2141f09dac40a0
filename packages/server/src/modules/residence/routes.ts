import type { FastifyInstance } from 'fastify';
import { RESIDENCE_GROUNDS, RESIDENCE_KINDS, RESIDENCE_TERM_YEARS, VISA_ENTRIES, VISA_TYPES, VISA_LIMITS } from '@kamurj/domain/residence';
import { requireCan } from '../../http/access.ts';
import { route, uuidParam } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { importEvisas } from './import.ts';
import { AddressBody, EvisaImportBody, StatusBody, VisaBody, VisaQuery, WithdrawBody } from './schemas.ts';
import * as status from './service-status.ts';
import * as visas from './service-visas.ts';

export function residenceRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['residence'];

  route(app, {
    method: 'GET', url: '/api/residence/codes', summary: 'Visa types, entries, residence kinds and terms, grounds with labels', tags, auth: 'active',
    handler: async ({ auth }) => {
      requireCan(auth.actor, 'residence.read');
      return { visaTypes: VISA_TYPES, visaEntries: VISA_ENTRIES, visaLimits: VISA_LIMITS, residenceKinds: RESIDENCE_KINDS, termYears: RESIDENCE_TERM_YEARS, grounds: RESIDENCE_GROUNDS };
    },
  });
  route(app, { method: 'GET', url: '/api/residence/visas', summary: 'Visas the caller may read (audited list)', tags, auth: 'active', query: VisaQuery, handler: ({ req, query, auth, deps }) => visas.listVisas(deps, origin(req), auth, query) });
  route(app, { method: 'POST', url: '/api/residence/visas', summary: 'Record a visa; it becomes a document of the holder and feeds the stay engine', tags, auth: 'active', body: VisaBody, status: 201, handler: ({ req, body, auth, deps }) => visas.createVisa(deps, origin(req), auth, body) });
  route(app, { method: 'GET', url: '/api/residence/visas/:id', summary: 'One visa (audited)', tags, auth: 'active', params: uuidParam, handler: ({ req, params, auth, deps }) => visas.getVisa(deps, origin(req), auth, params.id) });
  route(app, { method: 'POST', url: '/api/residence/visas/:id/withdraw', summary: 'Withdraw a visa; the stay position is recomputed', tags, auth: 'active', params: uuidParam, body: WithdrawBody, handler: ({ req, params, body, auth, deps }) => visas.withdrawVisa(deps, origin(req), auth, params.id, body.reason) });
  route(app, {
    method: 'POST', url: '/api/residence/evisa-imports', summary: 'Import the MFA e-visa file (CSV): broken rows reported with line numbers, the rest loaded; idempotent', tags, auth: 'active',
    body: EvisaImportBody, bodyLimit: 6_000_000, handler: ({ req, body, auth, deps }) => importEvisas(deps, () => origin(req), auth, body),
  });
  route(app, { method: 'POST', url: '/api/residence/statuses', summary: 'Grant a residence status and issue its card', tags, auth: 'active', body: StatusBody, status: 201, handler: ({ req, body, auth, deps }) => status.createStatus(deps, origin(req), auth, body) });
  route(app, { method: 'POST', url: '/api/residence/statuses/:id/withdraw', summary: 'Withdraw a residence status; the stay position is recomputed', tags, auth: 'active', params: uuidParam, body: WithdrawBody, handler: ({ req, params, body, auth, deps }) => status.withdrawStatus(deps, origin(req), auth, params.id, body.reason) });
  route(app, { method: 'GET', url: '/api/residence/persons/:id', summary: 'A person’s visas, residence statuses and address registrations (audited)', tags, auth: 'active', params: uuidParam, handler: ({ req, params, auth, deps }) => status.personResidence(deps, origin(req), auth, params.id) });
  route(app, {
    method: 'POST', url: '/api/residence/persons/:id/addresses', summary: 'Register a foreign resident’s address (closes the open registration)', tags, auth: 'active',
    params: uuidParam, body: AddressBody, status: 201, handler: ({ req, params, body, auth, deps }) => status.registerAddress(deps, origin(req), auth, params.id, body),
  });
}
