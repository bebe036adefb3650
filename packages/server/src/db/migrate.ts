import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
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
import * as programmes from './migrations/2026_12_09_0011_programmes.js';

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
  '2026_12_09_0011_programmes': programmes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

const MIGRATION_TABLE = 'mentorkit_migrations';

/** The names in the migration table, or undefined when there is no such table yet. */
async function appliedMigrations(db: Kysely<any>): Promise<Set<string> | undefined> {
  const [table] = (await sql<{ t: string | null }>`SELECT to_regclass(${MIGRATION_TABLE})::text AS t`.execute(db)).rows;
  if (!table?.t) return undefined;
  const rows = (await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db)).rows;
  return new Set(rows.map((r) => r.name));
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // Every start of an up-to-date database: exactly the known migrations are applied, so there is
  // nothing to do. Kysely's migrator would still inspect the schema and take its lock first,
  // which costs hundreds of milliseconds on PGlite. Anything else (a missing table, a migration
  // to run, one this code does not know) goes to the migrator, which runs or refuses as before.
  const applied = await appliedMigrations(db).catch(() => undefined);
  const known = Object.keys(migrations);
  if (applied && applied.size === known.length && known.every((name) => applied.has(name))) return;
  const migrator = new Migrator({ db, provider, migrationTableName: MIGRATION_TABLE, migrationLockTableName: 'mentorkit_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
