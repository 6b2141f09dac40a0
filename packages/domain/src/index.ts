export * from './kernel/errors.ts';
export * as access from './access/index.ts';
