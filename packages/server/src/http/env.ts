import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/schema.js';
import type { TokenVerifier } from '../auth/verify.js';
import type { Logger } from './logger.js';

/** The authenticated caller, as authentication identified them. */
export interface Viewer {
  id: string;
  name: string;
  isAdmin: boolean;
  /**
   * The search generation (migrations 0007–0008) as it was before anything else this request
   * reads, taken with the user in the same statement; mentor search keys whole answers by it, so
   * a repeated search needs no round trip of its own. Absent when the user was just written.
   */
  searchGeneration?: bigint;
  /**
   * The viewer's profile columns that the match score reads, as JSON text (null without a
   * profile), read with `searchGeneration` in the same statement; absent with it.
   */
  matchInputs?: string | null;
}

/**
 * Everything the app needs from the outside; tests pass their own. Features that keep state per
 * app add it here by declaration merging (see `features/mentors/mentor-search.ts`), so this module
 * imports nothing above it.
 */
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

/**
 * What a service function works with: the app's dependencies, where `db` may be a transaction
 * (`{ ...ctx, db: trx }`), so services compose inside one another's transactions.
 */
export type ServiceContext = Omit<AppDeps, 'db'> & { db: Db };
