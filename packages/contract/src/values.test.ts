import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from './index.js';
import * as values from './values.js';

/**
 * The values module (`@mentorkit/contract/values`, for browser code without zod) and the zod
 * schemas must agree: the schemas build their enums from these lists, and nothing in a schema
 * copies a part of one by hand.
 */

type Enum = z.ZodEnum<Record<string, string>>;
interface Def {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
  innerType?: unknown;
}

const isSchema = (value: unknown): value is { _zod: { def: Def } } =>
  typeof value === 'object' && value !== null && '_zod' in value;

/** Every enum inside the contract's exported schemas, by path (`mentorCard.meetingFormats[]`). */
function enumsOf(exports: Record<string, unknown>): Map<string, Enum> {
  const found = new Map<string, Enum>();
  const walk = (node: unknown, path: string, seen: Set<unknown>): void => {
    if (!isSchema(node) || seen.has(node)) return;
    seen.add(node);
    const def = node._zod.def;
    switch (def.type) {
      case 'enum':
        found.set(path, node as unknown as Enum);
        return;
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, `${path}.${key}`, seen);
        return;
      case 'array':
        walk(def.element, `${path}[]`, seen);
        return;
      case 'pipe':
        walk(def.in, path, seen);
        walk(def.out, path, seen);
        return;
      case 'union':
        for (const option of def.options ?? []) walk(option, path, seen);
        return;
      default:
        walk(def.innerType, path, seen);
    }
  };
  for (const [name, value] of Object.entries(exports)) walk(value, name, new Set());
  return found;
}

const enums = enumsOf(contract);
const enumAt = (path: string): Enum => {
  const found = enums.get(path);
  if (!found) throw new Error(`no enum at ${path}`);
  return found;
};

/** Each list of the values module, with schema fields that must take exactly its values. */
const lists: { name: string; list: readonly string[]; usedBy: string[] }[] = [
  { name: 'meetingFormats', list: values.meetingFormats, usedBy: ['mentorSettings.meetingFormats[]', 'mentorSettingsPatch.meetingFormats[]', 'mentorCard.meetingFormats[]', 'mentorSearchQuery.meetingFormat[]'] },
  { name: 'availabilities', list: values.availabilities, usedBy: ['mentorSettings.availability', 'mentorCard.availability'] },
  { name: 'availabilityFilters', list: values.availabilityFilters, usedBy: ['mentorSearchQuery.availability'] },
  { name: 'mentorSorts', list: values.mentorSorts, usedBy: ['mentorSearchQuery.sort'] },
  { name: 'viewerRequestStates', list: values.viewerRequestStates, usedBy: ['mentorCard.viewerRequestState', 'mentorProfile.viewerRequestState'] },
  { name: 'demoPersonas', list: values.demoPersonas, usedBy: ['devTokenRequest.persona', 'devTokenResponse.persona'] },
  { name: 'applicationStatuses', list: values.applicationStatuses, usedBy: ['mentorApplication.status', 'applicationListQuery.status'] },
  { name: 'requestStatuses', list: values.requestStatuses, usedBy: ['mentorshipRequest.status', 'requestListQuery.status'] },
  { name: 'declineReasons', list: values.declineReasons, usedBy: ['mentorshipRequest.declineReason', 'declineInput.reason'] },
  { name: 'mentorshipStatuses', list: values.mentorshipStatuses, usedBy: ['mentorship.status', 'mentorshipListQuery.status', 'statusChange.from', 'statusChange.to', 'conversation.mentorshipStatus'] },
  { name: 'meetingStatuses', list: values.meetingStatuses, usedBy: ['meeting.status', 'meetingListQuery.status'] },
  { name: 'milestoneStatuses', list: values.milestoneStatuses, usedBy: ['milestone.status', 'milestonePatch.status'] },
  { name: 'mentorStatuses', list: values.mentorStatuses, usedBy: ['mentorSettings.status', 'adminMentor.status', 'adminMentorQuery.status', 'mentorStatusResult.status'] },
];

describe('the values module and the zod schemas', () => {
  it('exports the same values from both entry points', () => {
    for (const [name, value] of Object.entries(values)) expect((contract as Record<string, unknown>)[name], name).toBe(value);
  });

  describe.each(lists)('$name', ({ list, usedBy }) => {
    it('lists each value once', () => {
      expect(new Set(list).size).toBe(list.length);
    });

    it.each(usedBy)('is exactly the set %s takes', (path) => {
      const schema = enumAt(path);
      expect([...schema.options].sort()).toEqual([...list].sort());
      for (const value of list) expect(schema.safeParse(value).success, value).toBe(true);
      expect(schema.safeParse('not-a-listed-value').success).toBe(false);
    });
  });

  it('finds every field of the schemas that takes a list’s values taking all of them', () => {
    // A part of a list copied into a schema by hand (say `z.enum(['active', 'paused'])`) drifts
    // from the list; a field that means a list uses the list. Role enums such as
    // `['mentor', 'mentee']` are not personas, so the personas are left out here.
    const known = Object.entries(values)
      .filter(([name, value]) => Array.isArray(value) && name !== 'demoPersonas')
      .map(([, value]) => [...(value as readonly string[])].sort());
    expect(enums.size, 'the walk finds the schemas’ enums').toBeGreaterThan(50);
    const partial: string[] = [];
    for (const [path, schema] of enums) {
      const options = [...schema.options].sort();
      const within = known.filter((list) => options.every((o) => list.includes(o)));
      if (within.length && !within.some((list) => list.length === options.length)) partial.push(`${path}: ${options.join(', ')}`);
    }
    expect(partial).toEqual([]);
  });

  it('accepts every listed value where requests and queries take them', () => {
    for (const persona of values.demoPersonas) expect(contract.devTokenRequest.safeParse({ persona }).success, persona).toBe(true);
    for (const reason of values.declineReasons) expect(contract.declineInput.safeParse({ reason }).success, reason).toBe(true);
    for (const status of values.requestStatuses) expect(contract.requestListQuery.safeParse({ status }).success, status).toBe(true);
    for (const status of values.mentorshipStatuses) expect(contract.mentorshipListQuery.safeParse({ status }).success, status).toBe(true);
    for (const status of values.applicationStatuses) expect(contract.applicationListQuery.safeParse({ status }).success, status).toBe(true);
    for (const status of values.meetingStatuses) expect(contract.meetingListQuery.safeParse({ status }).success, status).toBe(true);
    for (const status of values.mentorStatuses) expect(contract.adminMentorQuery.safeParse({ status }).success, status).toBe(true);
    for (const availability of values.availabilityFilters) expect(contract.mentorSearchQuery.safeParse({ availability }).success, availability).toBe(true);
    for (const sort of values.mentorSorts) expect(contract.mentorSearchQuery.safeParse({ sort }).success, sort).toBe(true);
    expect(contract.mentorSearchQuery.safeParse({ meetingFormat: [...values.meetingFormats] }).success).toBe(true);
    expect(contract.mentorSettingsPatch.safeParse({ meetingFormats: [...values.meetingFormats] }).success).toBe(true);
  });

  it('makes the match rubric add up to the highest score the schema allows', () => {
    const { perSharedSkill, skills, industry, language, timeZone, programme, openCapacity } = values.matchRubric;
    const total = skills + industry + language + timeZone + programme + openCapacity;
    expect(total).toBe(100);
    expect(contract.matchScore.shape.score.safeParse(total).success).toBe(true);
    expect(contract.matchScore.shape.score.safeParse(total + 1).success).toBe(false);
    expect(perSharedSkill).toBeLessThanOrEqual(skills);
    expect(values.matchRubric.timeZoneWithinHours).toBeGreaterThan(0);
  });
});
