import type { Availability } from '@mentorkit/contract';

export interface AvailabilityInput {
  status: 'active' | 'suspended';
  acceptingMentees: boolean;
  awayUntil: string | null;
  capacity: number;
  openMentorships: number;
}

/**
 * DESIGN.md §2: `unavailable` when not accepting, away, suspended or full; `limited` with exactly
 * one free slot; `available` otherwise. The SQL in mentors.repository.ts mirrors this rule.
 */
export function deriveAvailability(m: AvailabilityInput, today: string): Availability {
  const free = m.capacity - m.openMentorships;
  if (m.status !== 'active' || !m.acceptingMentees || (m.awayUntil !== null && m.awayUntil >= today) || free <= 0) {
    return 'unavailable';
  }
  return free === 1 ? 'limited' : 'available';
}

/** `YYYY-MM-DD` of an instant in UTC. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A `date` column as `YYYY-MM-DD` whatever the driver's parser made of it: connect.ts keeps dates
 * as strings, but a driver without that parser (PGlite's `clone()` drops it) gives a Date at UTC
 * midnight, which would leak out as a datetime and compare as NaN against `today`.
 */
export function dateOnly(value: string | Date | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : isoDay(value);
}
