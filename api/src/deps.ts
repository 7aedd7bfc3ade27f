import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/data-source';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What every service may use; built once by createApp. */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
};

export const isoNow = (clock: Clock) => clock.now().toISOString();
