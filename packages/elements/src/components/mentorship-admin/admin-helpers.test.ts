import { expect } from '@open-wc/testing';
import { linkText, weekLabel } from './admin-format.js';
import { tabForKey } from './admin-tabs.js';
import { axisScale, chartSummary } from './weekly-chart.template.js';

describe('<mentorship-admin> helpers', () => {
  it('tabForKey: arrows step and wrap, Home and End jump, other keys are left alone', () => {
    expect(tabForKey('ArrowRight', 'applications')).to.equal('mentors');
    expect(tabForKey('ArrowRight', 'mentors')).to.equal('overview');
    expect(tabForKey('ArrowRight', 'overview')).to.equal('programmes');
    expect(tabForKey('ArrowRight', 'programmes')).to.equal('applications');
    expect(tabForKey('ArrowLeft', 'applications')).to.equal('programmes');
    expect(tabForKey('ArrowLeft', 'mentors')).to.equal('applications');
    expect(tabForKey('Home', 'programmes')).to.equal('applications');
    expect(tabForKey('End', 'applications')).to.equal('programmes');
    expect(tabForKey('ArrowRight', 'mentors', 'rtl'), 'right-to-left').to.equal('applications');
    expect(tabForKey('ArrowLeft', 'programmes', 'rtl')).to.equal('applications');
    expect(tabForKey('Tab', 'mentors')).to.equal(undefined);
    expect(tabForKey('ArrowDown', 'mentors')).to.equal(undefined);
  });

  it('axisScale: a round top in whole steps of 1, 2 or 5 times a power of ten', () => {
    expect(axisScale(0)).to.deep.equal({ top: 1, step: 1 });
    expect(axisScale(3)).to.deep.equal({ top: 3, step: 1 });
    expect(axisScale(7)).to.deep.equal({ top: 8, step: 2 });
    expect(axisScale(9)).to.deep.equal({ top: 10, step: 5 });
    expect(axisScale(23)).to.deep.equal({ top: 30, step: 10 });
    expect(axisScale(45)).to.deep.equal({ top: 60, step: 20 });
    expect(axisScale(180)).to.deep.equal({ top: 200, step: 50 });
  });

  it('chartSummary: totals and the busiest week, or that there were none', () => {
    const weeks = [
      { week: '2025-01-06', requests: 2, accepted: 1 },
      { week: '2025-01-13', requests: 5, accepted: 3 },
      { week: '2025-01-20', requests: 1, accepted: 0 },
    ];
    expect(chartSummary(weeks)).to.equal(
      `Bar chart of requests and acceptances per week over the 3 weeks from ${weekLabel('2025-01-06', 'long')} to ${weekLabel('2025-01-20', 'long')}: ` +
        `8 requests, 4 accepted. Busiest week: ${weekLabel('2025-01-13', 'long')}, with 5 requests.`,
    );
    expect(chartSummary(weeks.map((w) => ({ ...w, requests: 0, accepted: 0 })))).to.contain('no requests in the 3 weeks');
    expect(chartSummary([])).to.equal('No weekly numbers yet.');
  });

  it('weekLabel reads the calendar date in UTC, so no time zone moves it to another day', () => {
    expect(weekLabel('2025-01-06')).to.equal(new Date(Date.UTC(2025, 0, 6)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }));
    expect(weekLabel('not a date')).to.equal('not a date');
  });

  it('linkText shows where a link goes, without the scheme', () => {
    expect(linkText('https://www.linkedin.com/in/ana/')).to.equal('linkedin.com/in/ana');
    expect(linkText('http://example.org/')).to.equal('example.org');
  });
});
