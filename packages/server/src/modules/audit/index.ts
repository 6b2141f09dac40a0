export { audit, auditMany, auditPart, originOf, PURPOSES, type Purpose, type AuditEvent, type AuditOrigin } from './service.ts';
export { verifyChain, type VerifyResult } from './repository.ts';
export { auditRoutes } from './routes.ts';
