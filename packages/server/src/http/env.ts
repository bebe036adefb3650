import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import type { IdentifiedUser } from '../auth/users.repository.js';
import type { TokenVerifier } from '../auth/verify.js';
import type { MentorSearch } from '../features/mentors/mentor-search.js';
import type { Logger } from './logger.js';

/** The authenticated caller, as authentication identified them. */
export type Viewer = IdentifiedUser;

/** Everything the app needs from the outside; tests pass their own. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  verifier: TokenVerifier;
  logger: Logger;
  /** The current time; tests control it. */
  now: () => Date;
  /** Mentor search's index and caches; `createApp` makes them when absent. */
  mentorSearch?: MentorSearch;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    viewer: Viewer;
    mentorSearch: MentorSearch;
  };
}
