import type { I18n } from '../../i18n/index.tsx';

/** Translated names of case statuses, actions and fields, falling back to the server's English label. */
export const statusLabel = (i: I18n, status: string) => i.tx(`case.status.${status}`, status);
export const actionLabel = (i: I18n, code: string, fallback: string) => i.tx(`case.action.${code}`, fallback);
export const fieldLabel = (i: I18n, name: string) => i.tx(`case.field.${name}`, name);

/** Fields the server completes from its registries when left empty (ADR 0404): the person record, the employer registry. */
export const FROM_REGISTRY: ReadonlySet<string> = new Set(['applicantId', 'workerId', 'nationality', 'passportNumber', 'passportValidUntil', 'employerName']);
