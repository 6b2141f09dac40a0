export { edgeRoutes } from './routes.ts';
export { adjudicationHook, clearanceHook, crossingHook } from './hooks.ts';
export { startEdgeSync, type EdgeSync } from './sync.ts';
export type { CentreClient, CentreAnswer } from './centre-client.ts';
export { referenceReplicated } from './node-state.ts';
