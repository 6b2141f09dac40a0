export { statisticsRoutes } from './routes.ts';
export { downloadRoutes } from './download-routes.ts';
export { rebuildStatistics, refreshStatistics, startStatisticsWorker, type BuildResult, type RefreshOptions, type RefreshResult } from './worker.ts';
export { computeIndicator } from './service.ts';
