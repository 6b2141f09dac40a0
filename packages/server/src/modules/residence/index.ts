export { residenceRoutes } from './routes.ts';
export { grantResidenceStatus, withdrawResidenceStatus, type GrantInput } from './service-status.ts';
export { issueVisa, type NewVisa } from './service-visas.ts';
export type { Issuer } from './context.ts';
export { isoDate } from './schemas.ts';
export { uniquely } from './context.ts';
// Residence-status applications as cases (ADR 0404): importing this registers the hooks.
export { residenceApplications, nextCardNumber, REGISTRY_GROUND } from './applications.ts';
// Visa extension applications as cases (ADR 0404): importing this registers the hooks.
export { visaExtensionApplications } from './visa-extension.ts';
