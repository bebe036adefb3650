import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type Assignment, type AssignmentProblem } from './assignment.js';

/** A problem from rows of scores (−1: forbidden) and caps. */
const problem = (rows: number[][], caps: number[]): AssignmentProblem => ({
  menteeCount: rows.length,
  mentorCount: caps.length,
  scores: Int16Array.from(rows.flat()),
  caps: Int32Array.from(caps),
});

/**
 * The best (total score, then number matched) over every assignment, by enumeration: each mentee
 * unmatched or with any mentor it may have that still has room.
 */
function bruteForce(p: AssignmentProblem): { total: number; matched: number } {
  const left = Array.from({ length: p.mentorCount }, (_, j) => Math.max(0, p.caps[j]!));
  let best = { total: -1, matched: -1 };
  const visit = (i: number, total: number, matched: number) => {
    if (i === p.menteeCount) {
      if (total > best.total || (total === best.total && matched > best.matched)) best = { total, matched };
      return;
    }
    visit(i + 1, total, matched);
    for (let j = 0; j < p.mentorCount; j++) {
      const s = p.scores[i * p.mentorCount + j]!;
      if (s < 0 || left[j] === 0) continue;
      left[j]!--;
      visit(i + 1, total + s, matched + 1);
      left[j]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}

/**
 * An independent exact answer for sizes enumeration cannot reach: min-cost flow on the explicit
 * graph (source → mentee → mentor → sink) by Bellman–Ford shortest paths, augmenting while a path
 * still lowers the cost. Costs are scaled as `assign` documents, so it also finds (total, matched).
 */
function flowOptimum(p: AssignmentProblem): { total: number; matched: number } {
  const n = p.menteeCount;
  const m = p.mentorCount;
  const scale = n + 1;
  const source = n + m;
  const sink = source + 1;
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const edge = (a: number, b: number, c: number, w: number) => {
    out[a]!.push(to.length); to.push(b); capacity.push(c); cost.push(w);
    out[b]!.push(to.length); to.push(a); capacity.push(0); cost.push(-w);
  };
  for (let i = 0; i < n; i++) edge(source, i, 1, 0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = p.scores[i * m + j]!;
      if (s >= 0) edge(i, n + j, 1, -(s * scale + 1));
    }
  }
  for (let j = 0; j < m; j++) if (p.caps[j]! > 0) edge(n + j, sink, p.caps[j]!, 0);
  let flowCost = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let a = 0; a <= sink; a++) {
        if (dist[a] === Infinity) continue;
        for (const e of out[a]!) {
          if (capacity[e]! > 0 && dist[a]! + cost[e]! < dist[to[e]!]!) {
            dist[to[e]!] = dist[a]! + cost[e]!;
            via[to[e]!] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity || dist[sink]! >= 0) break;
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      capacity[via[v]!]!--;
      capacity[via[v]! ^ 1]!++;
    }
    flowCost += dist[sink]!;
  }
  const gain = 0 - flowCost;
  const matched = gain % scale;
  return { total: (gain - matched) / scale, matched };
}

/** Every rule an answer must keep, whatever the optimum. */
function checkRules(p: AssignmentProblem, a: Assignment) {
  const taken = new Array<number>(p.mentorCount).fill(0);
  let total = 0;
  let matched = 0;
  expect(a.mentorOf).toHaveLength(p.menteeCount);
  for (let i = 0; i < p.menteeCount; i++) {
    const j = a.mentorOf[i]!;
    if (j === -1) continue;
    // Only the given mentors, and only pairs that may be made.
    expect(Number.isInteger(j) && j >= 0 && j < p.mentorCount).toBe(true);
    const s = p.scores[i * p.mentorCount + j]!;
    expect(s).toBeGreaterThanOrEqual(0);
    taken[j]!++;
    total += s;
    matched++;
  }
  for (let j = 0; j < p.mentorCount; j++) expect(taken[j]).toBeLessThanOrEqual(Math.max(0, p.caps[j]!));
  expect(a.totalScore).toBe(total);
  expect(a.matched).toBe(matched);
  // A mentee is left unmatched only when every mentor it may have is full.
  for (let i = 0; i < p.menteeCount; i++) {
    if (a.mentorOf[i] !== -1) continue;
    for (let j = 0; j < p.mentorCount; j++) {
      if (p.scores[i * p.mentorCount + j]! >= 0) expect(taken[j], `mentee ${i} unmatched while mentor ${j} has room`).toBe(Math.max(0, p.caps[j]!));
    }
  }
}

/** Random problems: scores from a small set (many ties), some pairs forbidden, caps 0–`maxCap`. */
const problemArb = (maxMentees: number, maxMentors: number, maxCap: number) =>
  fc.record({ n: fc.integer({ min: 0, max: maxMentees }), m: fc.integer({ min: 0, max: maxMentors }) }).chain(({ n, m }) =>
    fc.record({
      scores: fc.array(
        fc.oneof(
          { arbitrary: fc.constantFrom(0, 10, 25, 50, 50, 75, 100), weight: 3 },
          { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 2 },
          { arbitrary: fc.constant(-1), weight: 1 },
        ),
        { minLength: n * m, maxLength: n * m },
      ),
      caps: fc.array(fc.integer({ min: 0, max: maxCap }), { minLength: m, maxLength: m }),
    }).map(({ scores, caps }): AssignmentProblem => ({ menteeCount: n, mentorCount: m, scores: Int16Array.from(scores), caps: Int32Array.from(caps) })));

describe('assign', () => {
  it('finds the brute-force optimum on random small problems, keeping every rule, the same answer every time', () => {
    let someUnmatched = 0;
    let someMoved = 0;
    fc.assert(
      fc.property(problemArb(7, 4, 3), (p) => {
        const a = assign(p);
        checkRules(p, a);
        expect({ total: a.totalScore, matched: a.matched }).toEqual(bruteForce(p));
        // Deterministic: the same input (a fresh copy) gives the same answer.
        const again = assign({ ...p, scores: Int16Array.from(p.scores), caps: Int32Array.from(p.caps) });
        expect(Array.from(again.mentorOf)).toEqual(Array.from(a.mentorOf));
        if (a.matched < p.menteeCount) someUnmatched++;
        // Greedy (each mentee its best mentor with room, in order) would have done worse here.
        if (greedyTotal(p) < a.totalScore) someMoved++;
      }),
      { numRuns: 2000, seed: 20261209 },
    );
    // The instances exercise what matters: full mentors, and cases where an earlier mentee must move.
    expect(someUnmatched).toBeGreaterThan(100);
    expect(someMoved).toBeGreaterThan(100);
  });

  it('agrees with a plain min-cost flow on larger random problems', () => {
    fc.assert(
      fc.property(problemArb(40, 12, 5), (p) => {
        const a = assign(p);
        checkRules(p, a);
        expect({ total: a.totalScore, matched: a.matched }).toEqual(flowOptimum(p));
      }),
      { numRuns: 150, seed: 1209 },
    );
  });

  it('moves an earlier mentee when that raises the total (greedy would not)', () => {
    // Mentee 0 likes both mentors; mentee 1 only mentor 0. Greedy gives 0 → mentor 0 (90) and
    // leaves mentee 1 with 10 at mentor 1: 100. The optimum is 80 + 85 = 165.
    const p = problem([[90, 80], [85, 10]], [1, 1]);
    const a = assign(p);
    expect(Array.from(a.mentorOf)).toEqual([1, 0]);
    expect(a.totalScore).toBe(165);
    expect(greedyTotal(p)).toBe(100);
  });

  it('unmatches an earlier mentee for a better pair when mentors are full', () => {
    const p = problem([[20, -1], [90, -1], [30, 40]], [1, 1]);
    const a = assign(p);
    expect(Array.from(a.mentorOf)).toEqual([-1, 0, 1]);
    expect(a.totalScore).toBe(130);
  });

  it('breaks ties by the lower mentor index and keeps mentors without a cap out', () => {
    expect(Array.from(assign(problem([[50, 50, 50]], [1, 1, 1])).mentorOf)).toEqual([0]);
    expect(Array.from(assign(problem([[50, 50, 50]], [0, 1, 1])).mentorOf)).toEqual([1]);
    expect(Array.from(assign(problem([[50, 50], [50, 50]], [2, 2])).mentorOf)).toEqual([0, 0]);
    expect(Array.from(assign(problem([[99, 50]], [0, 0])).mentorOf)).toEqual([-1]);
  });

  it('matches a mentee at score 0 rather than leave it out while a mentor has room', () => {
    const a = assign(problem([[0, -1], [0, 0]], [1, 1]));
    expect(Array.from(a.mentorOf)).toEqual([0, 1]);
    expect(a).toMatchObject({ totalScore: 0, matched: 2 });
  });

  it('answers empty problems', () => {
    expect(assign(problem([], [2, 3]))).toMatchObject({ totalScore: 0, matched: 0 });
    expect(Array.from(assign(problem([[], []], [])).mentorOf)).toEqual([-1, -1]);
  });
});

/** Each mentee in order takes its best mentor with room (lowest index on ties): what `assign` must beat. */
function greedyTotal(p: AssignmentProblem): number {
  const left = Array.from({ length: p.mentorCount }, (_, j) => Math.max(0, p.caps[j]!));
  let total = 0;
  for (let i = 0; i < p.menteeCount; i++) {
    let best = -1;
    for (let j = 0; j < p.mentorCount; j++) {
      const s = p.scores[i * p.mentorCount + j]!;
      if (s >= 0 && left[j]! > 0 && (best < 0 || s > p.scores[i * p.mentorCount + best]!)) best = j;
    }
    if (best >= 0) {
      left[best]!--;
      total += p.scores[i * p.mentorCount + best]!;
    }
  }
  return total;
}
