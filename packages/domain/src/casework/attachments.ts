/**
 * Attachments are metadata in the case log (name, media type, size, SHA-256); the bytes live elsewhere
 * (the server decides where). The limits are parameters: each deployment or case type may narrow them.
 * The server checks the first bytes against the declared type with `checkAttachmentContent`.
 */
import { DomainError } from '../kernel/errors.ts';

export interface AttachmentPolicy {
  allowedMediaTypes: readonly string[];
  maxBytes: number;
}

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = Object.freeze({
  allowedMediaTypes: Object.freeze(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff']),
  maxBytes: 20 * 1024 * 1024,
});

export interface AttachmentMeta {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

const issue = (field: string, code: string, message: string) => ({ issues: [{ field, code, message }] });

/** Null when the metadata fits the policy, else the refusal naming the rule. */
export function checkAttachment(meta: AttachmentMeta, policy: AttachmentPolicy = DEFAULT_ATTACHMENT_POLICY): DomainError | null {
  if ([...meta.name].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20) || meta.name.length > 255 || meta.name.trim() === '') {
    const m = 'A file name must be 1–255 characters without path separators or control characters';
    return new DomainError('CASE.ATTACHMENT_NAME_INVALID', 'validation', m, issue('payload.name', 'CASE.ATTACHMENT_NAME_INVALID', m));
  }
  if (!Number.isSafeInteger(meta.size) || meta.size <= 0) {
    const m = 'An attachment must have a positive size in bytes';
    return new DomainError('CASE.ATTACHMENT_EMPTY', 'validation', m, issue('payload.size', 'CASE.ATTACHMENT_EMPTY', m));
  }
  if (meta.size > policy.maxBytes) {
    const m = `The file is ${meta.size} bytes; the limit is ${policy.maxBytes} bytes`;
    return new DomainError('CASE.ATTACHMENT_TOO_LARGE', 'payload_too_large', m, { maxBytes: policy.maxBytes, ...issue('payload.size', 'CASE.ATTACHMENT_TOO_LARGE', m) });
  }
  if (!policy.allowedMediaTypes.includes(meta.mediaType.toLowerCase())) {
    const m = `Files of type ${meta.mediaType.slice(0, 80)} are not accepted; accepted: ${policy.allowedMediaTypes.join(', ')}`;
    return new DomainError('CASE.ATTACHMENT_TYPE_NOT_ALLOWED', 'unsupported_media', m, issue('payload.mediaType', 'CASE.ATTACHMENT_TYPE_NOT_ALLOWED', m));
  }
  if (!/^[0-9a-f]{64}$/.test(meta.sha256)) {
    const m = 'sha256 must be 64 lower-case hexadecimal digits';
    return new DomainError('CASE.FIELD_INVALID', 'validation', m, issue('payload.sha256', 'CASE.FIELD_INVALID', m));
  }
  return null;
}

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);

/** Media type recognised from a file's first bytes (signatures of the accepted types), or null. */
export function sniffMediaType(head: Uint8Array): string | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return null;
}

/** Null when the content starts like the declared type; CASE.ATTACHMENT_CONTENT_MISMATCH otherwise. */
export function checkAttachmentContent(declaredMediaType: string, head: Uint8Array): DomainError | null {
  const actual = sniffMediaType(head);
  if (actual === declaredMediaType.toLowerCase()) return null;
  const m = `The file claims to be ${declaredMediaType.slice(0, 80)} but its content ${actual ? `is ${actual}` : 'is not a recognised type'}`;
  return new DomainError('CASE.ATTACHMENT_CONTENT_MISMATCH', 'unsupported_media', m, { declared: declaredMediaType, detected: actual, ...issue('payload.mediaType', 'CASE.ATTACHMENT_CONTENT_MISMATCH', m) });
}
