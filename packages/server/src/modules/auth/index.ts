export { authRoutes } from './routes.ts';
export { installAuthResolution, SESSION_COOKIE } from './resolve.ts';
