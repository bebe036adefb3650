import { describe, expect, it } from 'vitest';
import { explainMatch, type MatchParts } from './match.js';

const none: MatchParts = {
  sharedSkills: [], goalMatches: [], sameIndustry: null, sharedLanguages: [], timeZoneGapHours: null, sameProgramme: null,
  freeSlots: 0, capacity: 2, score: 0,
};

describe('explainMatch', () => {
  it('words free room so the noun agrees with the capacity', () => {
    expect(explainMatch({ ...none, freeSlots: 1, capacity: 1 }).reasons).toEqual(['Has room: 1 of 1 mentee slot free']);
    expect(explainMatch({ ...none, freeSlots: 1, capacity: 2 }).reasons).toEqual(['Has room: 1 of 2 mentee slots free']);
    expect(explainMatch({ ...none, freeSlots: 0, capacity: 1 }).reasons).toEqual([]);
  });

  it('lists at most four items and counts the rest', () => {
    const skills = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(explainMatch({ ...none, sharedSkills: skills }).reasons).toEqual(['Shares 6 of your skills: A, B, C, D and 2 more']);
  });

  it('keeps the score within 0–100, rounded', () => {
    expect(explainMatch({ ...none, score: 120.4 }).score).toBe(100);
    expect(explainMatch({ ...none, score: -3 }).score).toBe(0);
    expect(explainMatch({ ...none, score: 41.5 }).score).toBe(42);
  });
});
