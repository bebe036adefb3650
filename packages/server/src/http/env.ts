import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { TokenVerifier } from '../auth/verify.js';
import type { Logger } from './logger.js';

export interface Viewer {
  id: string;
  name: string;
  isAdmin: boolean;
  /** The search generation read with the user (see `IdentifiedUser`); absent when the user was just written. */
  searchGeneration?: bigint;
}

/** Everything the app needs from the outside; tests pass their own. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  verifier: TokenVerifier;
  logger: Logger;
  /** The current time; tests control it. */
  now: () => Date;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    viewer: Viewer;
  };
}
