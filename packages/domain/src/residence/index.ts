/**
 * Visas and residence status (Law on Foreigners HO-47-N Ch. 2–3; ADR 0701): code lists with labels,
 * validity terms, the re-application and extension rules, visa limits, the MFA e-visa file. Pure.
 */
export * from './codes.ts';
export { addDays, addYears, daysBetween, residenceValidTo, checkGround, reapplication, extensionCheck, checkVisa, inForce, type Reapplication, type ExtensionCheck, type VisaFacts } from './rules.ts';
export { parseEvisaFile, EVISA_COLUMNS, type EvisaRow, type EvisaFile, type EvisaColumn } from './evisa.ts';
