import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026_11_28_0001_initial.js';
import * as workspace from './migrations/2026_11_28_0002_workspace.js';
import * as realtime from './migrations/2026_11_28_0003_realtime.js';
import * as searchColumns from './migrations/2026_11_28_0004_search_columns.js';
import * as email from './migrations/2026_11_28_0005_email.js';
import * as searchSpeed from './migrations/2026_11_28_0006_search_speed.js';
import * as searchGeneration from './migrations/2026_11_29_0007_search_generation.js';
import * as searchAnswers from './migrations/2026_11_29_0008_search_answers.js';
import * as erasableTexts from './migrations/2026_12_07_0009_erasable_texts.js';
import * as searchIndex from './migrations/2026_12_08_0010_search_index.js';

/** Migrations are imported statically so the bundle and the tests need no file-system scan. */
const migrations: Record<string, Migration> = {
  '2026_11_28_0001_initial': initial,
  '2026_11_28_0002_workspace': workspace,
  '2026_11_28_0003_realtime': realtime,
  '2026_11_28_0004_search_columns': searchColumns,
  '2026_11_28_0005_email': email,
  '2026_11_28_0006_search_speed': searchSpeed,
  '2026_11_29_0007_search_generation': searchGeneration,
  '2026_11_29_0008_search_answers': searchAnswers,
  '2026_12_07_0009_erasable_texts': erasableTexts,
  '2026_12_08_0010_search_index': searchIndex,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'mentorkit_migrations', migrationLockTableName: 'mentorkit_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
