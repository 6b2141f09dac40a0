import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { route } from '../../http/route.ts';
import { originOf } from '../audit/index.ts';
import { bulkAction, bulkAssign } from './bulk.ts';
import type { ActionInput } from './engine.ts';
import { ATTACHMENT_BODY_LIMIT, downloadAttachment, tooLarge, uploadAttachment } from './files.ts';
import { letterRoutes } from './letters-route.ts';
import { officeRoutes } from './offices-route.ts';
import { workqueue } from './queue.ts';
import * as s from './schemas.ts';
import * as service from './service.ts';

const UPLOAD_URL = '/api/cases/:id/attachments';
type Origin = Parameters<typeof originOf>[0];

/** Routes that name one kind of action: each maps its body onto the generic action command. */
const SHORTCUTS: { url: string; summary: string; body: ZodType<Record<string, unknown> & { baseVersion: number }>; toAction(b: Record<string, unknown>): Omit<ActionInput, 'baseVersion'> }[] = [
  {
    url: 'assign',
    summary: 'Assign the case (or reassign it, with a reason, when it already has an assignee)',
    body: s.AssignBody,
    toAction: (b) => (b.reason ? { code: 'reassign', payload: { assigneeId: b.assigneeId, reason: b.reason } } : { code: 'assign', payload: { assigneeId: b.assigneeId } }),
  },
  { url: 'transfer', summary: 'Transfer the case to another agency, with a reason', body: s.TransferBody, toAction: (b) => ({ code: 'transfer', payload: { toAgencyId: b.toAgency, reason: b.reason } }) },
  {
    url: 'transfer/answer',
    summary: 'Accept or refuse (with a reason) a transfer addressed to your agency',
    body: s.AnswerTransferBody,
    toAction: (b) => (b.accept ? { code: 'accept-transfer', payload: {} } : { code: 'refuse-transfer', payload: b.reason ? { reason: b.reason } : {} }),
  },
  {
    url: 'consents',
    summary: 'Record the consent of the person (who, relationship, scope, purpose, recipients, valid until)',
    body: s.ConsentBody,
    toAction: ({ baseVersion: _v, ...p }) => ({ code: 'record-consent', payload: p }),
  },
  {
    url: 'referrals',
    summary: 'Refer to a service provider; refused without consent unless overridden with a reason (audited)',
    body: s.ReferralBody,
    toAction: ({ baseVersion: _v, overrideReason, ...p }) => ({ code: 'refer', payload: p, ...(overrideReason !== undefined ? { override: { reason: String(overrideReason) } } : {}) }),
  },
  { url: 'notes', summary: 'Add a note (also on closed cases)', body: s.NoteBody, toAction: (b) => ({ code: 'add-note', payload: { text: b.text } }) },
];

/** The casework API (issue 6 §1, ADR 0402). */
export function caseworkRoutes(app: FastifyInstance): void {
  const origin = (req: Origin) => originOf(req, app.deps.clock.now());
  const tags = ['cases'];

  // A 100 MB upload is refused from its Content-Length, before the body is read, naming the rule.
  app.addHook('onRequest', async (req) => {
    if (req.method !== 'POST' || req.routeOptions.url !== UPLOAD_URL) return;
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > ATTACHMENT_BODY_LIMIT) throw tooLarge(length);
  });

  route(app, { method: 'GET', url: '/api/cases/types', summary: 'Registered case types with their statuses', tags, auth: 'active', handler: ({ auth }) => Promise.resolve(service.listCaseTypes(auth)) });
  officeRoutes(app);
  route(app, { method: 'GET', url: '/api/cases/staff', summary: 'People of your agency who may be given cases', tags, auth: 'active', handler: ({ auth, deps }) => service.caseStaff(deps, auth) });
  route(app, {
    method: 'GET',
    url: '/api/cases',
    summary: 'Workqueue: open cases you may see, filtered, counted per status and paged, soonest due first (audited)',
    tags,
    auth: 'active',
    query: s.QueueQuery,
    handler: ({ req, query, auth, deps }) => workqueue(deps, origin(req), auth, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases',
    summary: 'Open a case of a registered type at an office or jurisdiction, optionally with its first action',
    tags,
    auth: 'active',
    status: 201,
    body: s.CreateCaseBody,
    handler: ({ req, body, auth, deps }) => service.createCase(deps, origin(req), auth, body),
  });
  route(app, { method: 'POST', url: '/api/cases/households', summary: 'Create a household to group the cases of a family', tags, auth: 'active', status: 201, body: s.HouseholdBody, handler: ({ req, body, auth, deps }) => service.createHousehold(deps, origin(req), auth, body.label) });
  route(app, {
    method: 'POST',
    url: '/api/cases/bulk',
    summary: 'Record one action on many cases; each case all or nothing, with a result per case',
    tags,
    auth: 'active',
    body: s.BulkActionBody,
    handler: ({ req, body, auth, deps }) => bulkAction(deps, origin(req), auth, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/bulk/assign',
    summary: 'Assign many cases to one person (reassign with the reason where assigned); a result per case',
    tags,
    auth: 'active',
    body: s.BulkAssignBody,
    handler: ({ req, body, auth, deps }) => bulkAssign(deps, origin(req), auth, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/:id',
    summary: 'One case with its timeline, tasks and deadlines, the actions you may take and attachments (audited)',
    tags,
    auth: 'active',
    params: s.CaseParams,
    handler: ({ req, params, auth, deps }) => service.readCase(deps, origin(req), auth, params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/actions',
    summary: 'Record an action of the case type on baseVersion; 409 lists the actions recorded since',
    tags,
    auth: 'active',
    params: s.CaseParams,
    body: s.ActionBody,
    handler: ({ req, params, body, auth, deps }) => service.performAction(deps, origin(req), auth, params.id, body),
  });
  for (const sc of SHORTCUTS) {
    route(app, {
      method: 'POST',
      url: `/api/cases/:id/${sc.url}`,
      summary: sc.summary,
      tags,
      auth: 'active',
      params: s.CaseParams,
      body: sc.body,
      handler: ({ req, params, body, auth, deps }) => service.performAction(deps, origin(req), auth, params.id, { baseVersion: body.baseVersion, ...sc.toAction(body) }),
    });
  }
  route(app, {
    method: 'PUT',
    url: '/api/cases/:id/household',
    summary: 'Put the case into a household (or take it out with null)',
    tags,
    auth: 'active',
    params: s.CaseParams,
    body: s.SetHouseholdBody,
    handler: ({ req, params, body, auth, deps }) => service.setCaseHousehold(deps, origin(req), auth, params.id, body.householdId, body.baseVersion),
  });
  route(app, {
    method: 'POST',
    url: UPLOAD_URL,
    summary: 'Attach a file (PDF, JPEG, PNG, TIFF ≤ 20 MiB, base64): type checked against its content, SHA-256 recorded',
    tags,
    auth: 'active',
    status: 201,
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    params: s.CaseParams,
    body: s.UploadBody,
    handler: ({ req, params, body, auth, deps }) => uploadAttachment(deps, origin(req), auth, params.id, body),
  });
  letterRoutes(app);
  route(app, {
    method: 'GET',
    url: '/api/cases/:id/attachments/:attachmentId',
    summary: 'Download an attachment (audited)',
    tags,
    auth: 'active',
    params: s.AttachmentParams,
    handler: async ({ req, reply, params, auth, deps }) => {
      const f = await downloadAttachment(deps, origin(req), auth, params.id, params.attachmentId);
      const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-type', f.media_type)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .send(Buffer.from(f.content));
    },
  });
}
