export { personRoutes } from './routes.ts';
export { batchDedupe, type BatchResult } from './dedupe.ts';
export { insertPerson, appendHistory, findPerson, type PersonRow } from './repository.ts';
export { insertLink, insertHousehold } from './relations.ts';
