export { workRoutes } from './routes.ts';
// Work-permit applications as cases (ADR 0404): importing this registers the hooks.
export { workPermits } from './permits.ts';
