import { expect } from '@open-wc/testing';
import { twoZoneLabel, wallTimeToIso, zoneCity, zoneOffsetMinutes } from './workspace-time.js';

describe('workspace time helpers', () => {
  const at = new Date('2030-01-15T01:00:00Z'); // a Tuesday

  it('shows the viewer’s time with the other party’s beside it', () => {
    expect(twoZoneLabel(at, 'Asia/Manila', 'Europe/London').text).to.equal('Tue 15 Jan, 9:00 AM your time · 1:00 AM in London');
  });

  it('names the other party’s day when their clock shows another one', () => {
    expect(twoZoneLabel(at, 'Asia/Manila', 'America/New_York').text).to.equal('Tue 15 Jan, 9:00 AM your time · Mon 14 Jan, 8:00 PM in New York');
  });

  it('leaves the other party out when their clock reads the same, or their zone is unknown', () => {
    expect(twoZoneLabel(at, 'Asia/Manila', 'Asia/Shanghai').text).to.equal('Tue 15 Jan, 9:00 AM');
    expect(twoZoneLabel(at, 'Asia/Manila', null).text).to.equal('Tue 15 Jan, 9:00 AM');
    expect(twoZoneLabel(at, 'Asia/Manila', 'Not/AZone').text).to.equal('Tue 15 Jan, 9:00 AM');
  });

  it('turns a wall-clock date and time in a zone into ISO 8601 with that zone’s offset', () => {
    expect(wallTimeToIso('2030-01-15', '09:00', 'Asia/Manila')).to.equal('2030-01-15T09:00:00+08:00');
    expect(wallTimeToIso('2030-01-15', '09:00', 'Asia/Kolkata')).to.equal('2030-01-15T09:00:00+05:30');
    expect(wallTimeToIso('2030-07-15', '09:00', 'Europe/London')).to.equal('2030-07-15T09:00:00+01:00');
    expect(wallTimeToIso('2030-01-15', '09:00', 'America/New_York')).to.equal('2030-01-15T09:00:00-05:00');
    expect(Date.parse(wallTimeToIso('2030-01-15', '09:00', 'Asia/Manila')!)).to.equal(at.getTime());
    expect(wallTimeToIso('', '09:00', 'Asia/Manila')).to.equal(undefined);
    expect(wallTimeToIso('2030-01-15', '9am', 'Asia/Manila')).to.equal(undefined);
  });

  it('handles the days clocks change', () => {
    // New York springs forward at 2:00 on 10 March 2030: 3:30 is already daylight time.
    expect(wallTimeToIso('2030-03-10', '03:30', 'America/New_York')).to.equal('2030-03-10T03:30:00-04:00');
    expect(wallTimeToIso('2030-03-10', '01:30', 'America/New_York')).to.equal('2030-03-10T01:30:00-05:00');
    expect(zoneOffsetMinutes(Date.parse('2030-07-01T00:00:00Z'), 'Europe/London')).to.equal(60);
  });

  it('names a zone by its city', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).to.equal('Buenos Aires');
    expect(zoneCity('UTC')).to.equal('UTC');
  });
});
