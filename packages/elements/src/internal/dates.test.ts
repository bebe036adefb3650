import { expect } from '@open-wc/testing';
import { inLanguage } from './localization.js';
import { calendarDateLabel, clockLabel, dateLabel, dateTimeLabel, dayLabel } from './dates.js';

describe('dates: one style everywhere', () => {
  const at = new Date('2026-12-10T09:30:00Z');

  it('writes days, clocks, moments and dates in the shapes UX.md shows', () => {
    inLanguage({ locale: 'en', tag: 'en' }, () => {
      expect(dayLabel(at, 'UTC')).to.equal('Thu 10 Dec');
      expect(clockLabel(at, 'UTC')).to.equal('9:30 AM');
      expect(dateTimeLabel(at, 'UTC')).to.equal('Thu 10 Dec, 9:30 AM');
      expect(dateLabel(at, 'UTC')).to.equal('10 Dec 2026');
      expect(dateTimeLabel(at, 'Asia/Manila')).to.equal('Thu 10 Dec, 5:30 PM');
    });
  });

  it('reads a stored calendar date as the same day in every zone', () => {
    expect(calendarDateLabel('2027-01-31')).to.equal('31 Jan 2027');
  });

  it('follows a language that declares its own conventions', () => {
    inLanguage({ locale: 'en', tag: 'en-US' }, () => expect(dateLabel(at, 'UTC')).to.equal('Dec 10, 2026'));
    inLanguage({ locale: 'fil', tag: 'fil' }, () => expect(dateLabel(at, 'UTC')).to.not.equal('10 Dec 2026'));
  });
});
