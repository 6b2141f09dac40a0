import type { Config } from './config/config.ts';
import type { Db } from './db/client.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What every route handler and service may use; passed explicitly, never imported as globals. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
