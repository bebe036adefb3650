import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Placeholder replaced by the demo-data work: returns whether it wrote anything. */
export async function seedDemo(_db: Kysely<Database>, _options: { issuer: string; now: Date }): Promise<boolean> {
  return false;
}
