export { personRoutes } from './routes.ts';
export { batchDedupe, type BatchResult } from './dedupe.ts';
export { insertPerson, appendHistory, findPerson, type PersonRow } from './repository.ts';
export { insertLink, insertHousehold } from './relations.ts';
export { bulkInsertPersons, prepareBatch, writeBatch, reindexAll, type BulkPerson, type BulkOptions, type BulkCounts, type PreparedBatch } from './bulk.ts';
export { importPersons, jsonLinesRows, MAX_IMPORT_ROWS, type ImportRow, type ImportReport, type ImportRowError, type ImportContext } from './import.ts';
export { searchPersons, type Hit } from './search.ts';
export { findDocumentHolders, readPersonForBorder, registerDocumentHolder, recordFromMrz, type DocumentHolder } from './traveller.ts';
