export { borderRoutes } from './routes.ts';
export { LIST_IDS, loadSettings, type BorderSettings } from './settings.ts';
export type { EntryData } from './lists-repository.ts';
export { seedCrossing, seedListEntry, type SeedCrossing } from './seeding.ts';
// Edge mode (ADR 0503): the centre records crossings delivered by edge nodes through the same path.
export { recordCrossing } from './record.ts';
export { recordDeliveredAdjudication, type DeliveredAdjudication } from './service.ts';
export { CrossingBody } from './schemas.ts';
export { recomputeStayPosition } from './stay-recompute.ts';
// Residence applications screen the applicant before a decision (ADR 0404).
export { screenPerson, type PersonScreeningHit } from './screen-person.ts';
// Where screening runs (ADR 0510): buildApp places it from the configuration and stops the thread at close.
export { placeScreening, closeScreening } from './screening-cache.ts';
// Adjudications in transaction order, for the clearances sent to edge nodes (ADR 0515).
export { adjudicationsAfter, FEED_CURSOR, type FedAdjudication } from './adjudication-feed.ts';
// Acknowledged handovers in transaction order, for the nodes whose referrals they were (ADR 0516).
export { acknowledgementsAfter, type FedAcknowledgement } from './handover-feed.ts';
