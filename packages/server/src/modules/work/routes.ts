import type { FastifyInstance } from 'fastify';
import { DomainError } from '@kamurj/domain/kernel';
import { WORK_EXEMPTIONS } from '@kamurj/domain/work';
import { requireCan } from '../../http/access.ts';
import { route, uuidParam } from '../../http/route.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { originOf } from '../audit/index.ts';
import * as agencies from './agencies.ts';
import * as employers from './employers.ts';
import { AgencyBody, ComplaintBody, EmployerBody, InspectionBody, ListQuery, NoticeBody, SanctionBody } from './schemas.ts';

/** Requests per minute per client address for the public agency list. */
export const PUBLIC_RATE_PER_MINUTE = 60;

export function workRoutes(app: FastifyInstance): void {
  const origin = (req: Parameters<typeof originOf>[0]) => originOf(req, app.deps.clock.now());
  const tags = ['work'];
  const limiter = new RateLimiter(PUBLIC_RATE_PER_MINUTE, 60_000);

  route(app, {
    method: 'GET', url: '/api/work/exemptions', summary: 'Exemptions from the work-permit requirement of the country profile, with labels', tags, auth: 'active',
    handler: async ({ auth, deps }) => {
      requireCan(auth.actor, 'work.read');
      return { items: (WORK_EXEMPTIONS[deps.config.country] ?? []).map((e) => ({ code: e.code, basis: e.basis, labels: e.labels })) };
    },
  });
  route(app, { method: 'GET', url: '/api/work/employers', summary: 'Employers the caller may read', tags, auth: 'active', query: ListQuery, handler: ({ query, auth, deps }) => employers.listEmployers(deps, auth, query) });
  route(app, { method: 'POST', url: '/api/work/employers', summary: 'Register an employer (tax number checked by the profile rule)', tags, auth: 'active', body: EmployerBody, status: 201, handler: ({ req, body, auth, deps }) => employers.createEmployer(deps, origin(req), auth, body) });
  route(app, { method: 'GET', url: '/api/work/employers/:id', summary: 'An employer with its notices (audited)', tags, auth: 'active', params: uuidParam, handler: ({ req, params, auth, deps }) => employers.getEmployer(deps, origin(req), auth, params.id) });
  route(app, { method: 'POST', url: '/api/work/employers/:id/notices', summary: 'An employer’s notice (termination of employment, hire, change)', tags, auth: 'active', params: uuidParam, body: NoticeBody, status: 201, handler: ({ req, params, body, auth, deps }) => employers.addNotice(deps, origin(req), auth, params.id, body) });

  route(app, { method: 'GET', url: '/api/work/agencies', summary: 'Private employment agencies the caller may read', tags, auth: 'active', query: ListQuery, handler: ({ query, auth, deps }) => agencies.listAgencies(deps, auth, query) });
  route(app, { method: 'POST', url: '/api/work/agencies', summary: 'Register a private employment agency', tags, auth: 'active', body: AgencyBody, status: 201, handler: ({ req, body, auth, deps }) => agencies.createAgency(deps, origin(req), auth, body) });
  route(app, { method: 'GET', url: '/api/work/agencies/:id', summary: 'An agency with inspections, complaints and sanctions (audited)', tags, auth: 'active', params: uuidParam, handler: ({ req, params, auth, deps }) => agencies.getAgency(deps, origin(req), auth, params.id) });
  route(app, { method: 'POST', url: '/api/work/agencies/:id/inspections', summary: 'Record an inspection', tags, auth: 'active', params: uuidParam, body: InspectionBody, status: 201, handler: ({ req, params, body, auth, deps }) => agencies.addToAgency(deps, origin(req), auth, params.id, { kind: 'inspection', body }) });
  route(app, { method: 'POST', url: '/api/work/agencies/:id/complaints', summary: 'Record a complaint', tags, auth: 'active', params: uuidParam, body: ComplaintBody, status: 201, handler: ({ req, params, body, auth, deps }) => agencies.addToAgency(deps, origin(req), auth, params.id, { kind: 'complaint', body }) });
  route(app, { method: 'POST', url: '/api/work/agencies/:id/sanctions', summary: 'Impose a sanction (warning, fine, suspension, revocation)', tags, auth: 'active', params: uuidParam, body: SanctionBody, status: 201, handler: ({ req, params, body, auth, deps }) => agencies.addToAgency(deps, origin(req), auth, params.id, { kind: 'sanction', body }) });

  route(app, {
    method: 'GET', url: '/api/public/employment-agencies', summary: 'Public register of private employment agencies (no login, no personal data, rate-limited)', tags, auth: 'public', query: ListQuery,
    handler: ({ req, query, deps }) => {
      const wait = limiter.hit(req.ip ?? 'unknown', deps.clock.now().getTime());
      if (wait > 0) throw new DomainError('WORK.RATE_LIMITED', 'rate_limited', 'Too many requests; try again later', { retryAfterSeconds: wait });
      return agencies.publicAgencies(deps, query);
    },
  });
}
