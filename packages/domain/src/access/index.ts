export * from './vocabulary.ts';
export * from './can.ts';
export * from './login-policy.ts';
