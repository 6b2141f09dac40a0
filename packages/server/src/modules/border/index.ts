export { borderRoutes } from './routes.ts';
export { LIST_IDS, loadSettings, type BorderSettings } from './settings.ts';
export type { EntryData } from './lists-repository.ts';
export { seedCrossing, seedListEntry, type SeedCrossing } from './seeding.ts';
