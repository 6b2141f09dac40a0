/**
 * Attachments: the client sends the file (base64 in JSON); the server decodes it, checks size and type
 * against the policy, compares the first bytes with the declared type (a "PDF" that is not one is
 * refused), hashes it (SHA-256) and stores the bytes in the database in the same transaction as the
 * attach-file action and its audit row (ADR 0402). Downloads are audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { checkAttachment, checkAttachmentContent, DEFAULT_ATTACHMENT_POLICY } from '@kamurj/domain/casework';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { appendOne, visibleCase } from './engine.ts';
import * as repo from './repository.ts';
import { readCase } from './service.ts';

export const MAX_ATTACHMENT_BYTES = DEFAULT_ATTACHMENT_POLICY.maxBytes;
/** Request body limit of the upload route: the largest file in base64 plus room for the JSON around it. */
export const ATTACHMENT_BODY_LIMIT = Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024;

export const tooLarge = (bytes: number | null) => {
  const m = `The file is larger than the limit of ${MAX_ATTACHMENT_BYTES} bytes (${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`;
  return new DomainError('CASE.ATTACHMENT_TOO_LARGE', 'payload_too_large', m, { maxBytes: MAX_ATTACHMENT_BYTES, ...(bytes ? { requestBytes: bytes } : {}), issues: [{ field: 'body.content', code: 'CASE.ATTACHMENT_TOO_LARGE', message: m }] });
};

export interface UploadInput {
  baseVersion: number;
  name: string;
  mediaType: string;
  content: string;
  description?: string | undefined;
}

export async function uploadAttachment(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, caseId: string, input: UploadInput) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.content) || input.content.length % 4 !== 0) {
    const m = 'content must be the file in base64';
    throw new DomainError('CASE.FIELD_INVALID', 'validation', m, { issues: [{ field: 'body.content', code: 'CASE.FIELD_INVALID', message: m }] });
  }
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const meta = { name: input.name, mediaType: input.mediaType.toLowerCase(), size: bytes.byteLength, sha256 };
  // Size and type first (the policy), then the content against the declared type; nothing is written before.
  const problem = checkAttachment(meta) ?? checkAttachmentContent(meta.mediaType, bytes.subarray(0, 16));
  if (problem) throw problem;
  const id = randomUUID();
  const at = deps.clock.now();
  await appendOne(deps, origin, auth, caseId, { code: 'attach-file', baseVersion: input.baseVersion, payload: { ...meta, ...(input.description ? { description: input.description } : {}) } }, {
    allowAttachment: true,
    attachment: (tx, seq) => repo.insertAttachment(tx, { id, caseId, seq, name: meta.name, mediaType: meta.mediaType, sha256, content: bytes, at }),
  });
  return { attachment: { id, name: meta.name, mediaType: meta.mediaType, size: meta.size, sha256 }, case: await readCase(deps, origin, auth, caseId) };
}

export async function downloadAttachment(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, caseId: string, id: string) {
  const row = await visibleCase(deps.db, auth, caseId);
  const file = await repo.findAttachmentContent(deps.db, caseId, id);
  if (!file) throw notFound('Attachment', 'CASE.ATTACHMENT_NOT_FOUND');
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'case.attachment.download', purpose: 'casework', targetType: 'case', targetId: caseId, details: { number: row.number, attachmentId: id, sha256: file.sha256 } }),
  );
  return file;
}
