export { referenceRoutes } from './routes.ts';
export { upsertItems, REFERENCE_TABLES, type ItemInput, type ReferenceTable } from './repository.ts';
