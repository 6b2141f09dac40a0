import type { I18n } from '../../i18n/index.tsx';

/** Translated names of case statuses, actions and fields, falling back to the server's English label. */
export const statusLabel = (i: I18n, status: string) => i.tx(`case.status.${status}`, status);
export const actionLabel = (i: I18n, code: string, fallback: string) => i.tx(`case.action.${code}`, fallback);
export const fieldLabel = (i: I18n, name: string) => i.tx(`case.field.${name}`, name);
