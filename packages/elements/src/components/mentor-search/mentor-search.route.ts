import { availabilityFilters, meetingFormats, mentorSorts, type AvailabilityFilter, type MeetingFormat, type MentorSort } from '@mentorkit/contract/values';
import { defaultFilters, type MentorSearchFilters } from '../../controllers/mentor-search.controller.js';

/**
 * The search's state in the address (`#find&q=data&expertise=SQL&expertise=Cloud&sort=experience`):
 * only what differs from the defaults, so an untouched search leaves the hash alone. Unknown or
 * malformed values fall back to the default instead of failing the search.
 */
export const SEARCH_HASH_KEYS = ['q', 'expertise', 'availability', 'industry', 'language', 'format', 'years', 'sort'] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * "Best match" is one choice: with search text the server ranks by relevance, without it by match
 * score, so `match` (a link from an older version) reads as `relevance`.
 */
const sortFrom = (value: string | null): MentorSort => (value === 'match' ? 'relevance' : oneOf(mentorSorts, value, defaultFilters.sort));

function yearsFrom(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const years = Number(value);
  return Number.isInteger(years) && years >= 0 && years <= 70 ? years : null;
}

/** The filters a hash describes; keys it leaves out take their defaults. */
export function filtersFromHash(params: URLSearchParams): MentorSearchFilters {
  const expertise: string[] = [];
  for (const value of params.getAll('expertise').flatMap((v) => v.split(','))) {
    const tag = value.trim();
    if (tag && !expertise.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) expertise.push(tag);
  }
  return {
    q: params.get('q') ?? '',
    expertise,
    availability: oneOf<AvailabilityFilter>(availabilityFilters, params.get('availability'), defaultFilters.availability),
    industry: params.get('industry') ?? '',
    language: params.get('language') ?? '',
    meetingFormat: oneOf<MeetingFormat | ''>(['', ...meetingFormats], params.get('format'), ''),
    minYearsExperience: yearsFrom(params.get('years')),
    sort: sortFrom(params.get('sort')),
  };
}

/** The hash patch for `filters`: a key per choice that differs from the default, `null` removes the rest. */
export function filtersToHash(filters: MentorSearchFilters): Record<(typeof SEARCH_HASH_KEYS)[number], string | readonly string[] | null> {
  const differs = <K extends keyof MentorSearchFilters>(key: K) => filters[key] !== defaultFilters[key];
  return {
    q: filters.q.trim() || null,
    expertise: filters.expertise.length ? filters.expertise : null,
    availability: differs('availability') ? filters.availability : null,
    industry: filters.industry || null,
    language: filters.language.trim() || null,
    format: filters.meetingFormat || null,
    years: filters.minYearsExperience !== null ? String(filters.minYearsExperience) : null,
    sort: differs('sort') ? filters.sort : null,
  };
}
