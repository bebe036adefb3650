import { describe, expect, it } from 'vitest';
import {
  applicationStatuses,
  applicationTransitions,
  canTransition,
  meetingStatuses,
  meetingTransitions,
  mentorshipStatuses,
  mentorshipTransitions,
  milestoneStatuses,
  milestoneTransitions,
  openMentorshipStatuses,
  requestStatuses,
  requestTransitions,
} from './states.js';
import { mentorshipActions } from './workspace.js';

interface Machine {
  name: string;
  statuses: readonly string[];
  table: Record<string, readonly string[]>;
  /** Where every record starts. */
  initial: readonly string[];
  /** The states a record never leaves. */
  terminal: readonly string[];
}

/** The state machines, with their start and end states as DESIGN.md section 2 describes them. */
const machines: Machine[] = [
  { name: 'mentor application', statuses: applicationStatuses, table: applicationTransitions, initial: ['pending'], terminal: ['approved', 'rejected'] },
  { name: 'mentorship request', statuses: requestStatuses, table: requestTransitions, initial: ['pending'], terminal: ['accepted', 'declined', 'withdrawn', 'expired'] },
  { name: 'mentorship', statuses: mentorshipStatuses, table: mentorshipTransitions, initial: ['active'], terminal: ['completed', 'cancelled'] },
  { name: 'meeting', statuses: meetingStatuses, table: meetingTransitions, initial: ['scheduled'], terminal: ['completed', 'cancelled'] },
  { name: 'milestone', statuses: milestoneStatuses, table: milestoneTransitions, initial: ['not_started'], terminal: [] },
];

/** Every state reachable from `from` along the table (including `from`). */
function reachable(table: Record<string, readonly string[]>, from: readonly string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of table[state] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe.each(machines)('the $name state table', ({ statuses, table, initial, terminal }) => {
  it('has a row for every status and for nothing else', () => {
    expect(Object.keys(table).sort()).toEqual([...statuses].sort());
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it('starts and ends in known statuses', () => {
    for (const state of [...initial, ...terminal]) expect(statuses).toContain(state);
  });

  it('lists only known statuses as targets, each once, and never the state itself', () => {
    for (const [from, targets] of Object.entries(table)) {
      for (const to of targets) expect(statuses, `${from} → ${to}`).toContain(to);
      expect(new Set(targets).size, `${from} lists a target twice`).toBe(targets.length);
      expect(targets, `${from} → ${from}`).not.toContain(from);
    }
  });

  it('reaches every status, and so every listed transition, from the initial state', () => {
    const seen = reachable(table, initial);
    for (const state of statuses) expect(seen.has(state), `${state} is unreachable`).toBe(true);
    for (const [from, targets] of Object.entries(table)) {
      for (const to of targets) expect(seen.has(from) && canTransition(table, from, to), `${from} → ${to}`).toBe(true);
    }
  });

  it('has no way out of a terminal state, and a way out of every other', () => {
    for (const state of statuses) {
      if (terminal.includes(state)) expect(table[state], `${state} is terminal`).toEqual([]);
      else expect(table[state]!.length, `${state} is not terminal`).toBeGreaterThan(0);
    }
  });

  it('can reach an end from every state that is not one (when the machine has ends)', () => {
    if (!terminal.length) return;
    for (const state of statuses) {
      const ends = [...reachable(table, [state])].filter((s) => terminal.includes(s));
      expect(ends.length, `${state} cannot reach an end`).toBeGreaterThan(0);
    }
  });

  it('answers canTransition from the table', () => {
    for (const from of statuses) {
      for (const to of statuses) expect(canTransition(table, from, to), `${from} → ${to}`).toBe(table[from]!.includes(to));
    }
  });
});

describe('the mentorship statuses used elsewhere', () => {
  it('counts as open (taking a slot) exactly the statuses a mentorship can still leave', () => {
    const notEnded = mentorshipStatuses.filter((s) => mentorshipTransitions[s].length > 0);
    expect([...openMentorshipStatuses].sort()).toEqual([...notEnded].sort());
  });

  it('names a status some transition leads to for every workspace action', () => {
    const targets = new Set(Object.values(mentorshipTransitions).flat());
    for (const [action, to] of Object.entries(mentorshipActions)) expect(targets.has(to), `${action} → ${to}`).toBe(true);
  });
});
