import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Db } from '../db/data-source';

export type { Clock };

/** What every service may use; built once by createApp. */
export type Deps = {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
};
