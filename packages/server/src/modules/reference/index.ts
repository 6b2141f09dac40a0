export { referenceRoutes } from './routes.ts';
export { upsertItems, listItems, REFERENCE_TABLES, type ItemInput, type ReferenceTable } from './repository.ts';
