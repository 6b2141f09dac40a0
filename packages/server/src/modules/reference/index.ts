export { referenceRoutes } from './routes.ts';
export { upsertItem, REFERENCE_TABLES, type ItemInput, type ReferenceTable } from './repository.ts';
