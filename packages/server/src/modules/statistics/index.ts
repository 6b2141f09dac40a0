export { statisticsRoutes } from './routes.ts';
export { refreshStatistics, startStatisticsWorker, type RefreshOptions, type RefreshResult } from './worker.ts';
export { computeIndicator } from './service.ts';
