// The screening thread's entry (ADR 0510): the server runs its TypeScript sources directly (tsx, as
// bin/kamurj.mjs does), so the worker registers the same loader before it loads its body.
import { register } from 'tsx/esm/api';

register();
await import('./screening-thread-worker.ts');
