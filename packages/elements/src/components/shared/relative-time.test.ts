import { expect } from '@open-wc/testing';
import { calendarDateLabel, expiryLabel, relativeTime, todayIso } from './relative-time.js';

describe('relative time', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;

  it('picks the coarsest unit that still says something', () => {
    expect(relativeTime(at(20_000), now)).to.equal('just now');
    expect(relativeTime(at(-20_000), now)).to.equal('just now');
    expect(relativeTime(at(-5 * 60_000), now)).to.equal('5 minutes ago');
    expect(relativeTime(at(3 * HOUR), now)).to.equal('in 3 hours');
    expect(relativeTime(at(-1 * DAY), now)).to.equal('yesterday');
    expect(relativeTime(at(2 * DAY), now)).to.equal('in 2 days');
  });

  it('rounds days, so a fresh 14-day request reads "in 14 days"', () => {
    expect(expiryLabel(at(14 * DAY - 60_000), now)).to.equal('expires in 14 days');
    expect(expiryLabel(at(5 * DAY + 2 * HOUR), now)).to.equal('expires in 5 days');
    expect(expiryLabel(at(10 * HOUR), now)).to.equal('expires in 10 hours');
  });

  it('never claims a pending request has expired (the server decides)', () => {
    expect(expiryLabel(at(-HOUR), now)).to.equal('expires any moment now');
  });

  it('shows a calendar date without drifting to the day before in zones west of UTC', () => {
    // The one date style (internal/dates.ts): day, short month, year.
    expect(calendarDateLabel('2026-07-01')).to.equal('1 Jul 2026');
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).to.equal('2026-01-05');
  });
});
