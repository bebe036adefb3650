import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth.js';

describe('nesting depth without parsing', () => {
  it('counts arrays and objects, and nothing inside strings', () => {
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ s: '[[[[{{{{' }), 1)).toBe(false);
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    expect(nestsDeeperThan(JSON.stringify({ s: '\\"[[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan('{"s":"\\\\"}[[[', 2)).toBe(true);
  });

  it('scans a 64 KB bomb in well under a millisecond per kilobyte', () => {
    const bomb = '['.repeat(32 * 1024) + ']'.repeat(32 * 1024);
    const started = performance.now();
    expect(nestsDeeperThan(bomb, 32)).toBe(true);
    expect(nestsDeeperThan(' '.repeat(64 * 1024), 32)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
