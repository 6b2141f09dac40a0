import type { I18n } from './index.tsx';

/** Translations of vocabulary codes that come from the domain or the server; unknown codes show as they are. */
export const roleLabel = (i: I18n, code: string) => i.tx(`role.${code}`, code);
export const moduleTitle = (i: I18n, code: string) => i.tx(`module.${code}`, code);
export const actionLabel = (i: I18n, code: string) => i.tx(`action.${code}`, code);
export const outcomeLabel = (i: I18n, code: string) => i.tx(`audit.outcome.${code}`, code);
export const purposeLabel = (i: I18n, code: string) => i.tx(`audit.purpose.${code}`, code);
export const actorTypeLabel = (i: I18n, code: string) => i.tx(`audit.actorType.${code}`, code);
export const tableLabel = (i: I18n, name: string) => i.tx(`reference.table.${name}`, name);
export const kindLabel = (i: I18n, kind: string) => i.tx(`jurisdiction.kind.${kind}`, kind);

export const rolesText = (i: I18n, codes: readonly string[]) => codes.map((c) => roleLabel(i, c)).join(', ');
