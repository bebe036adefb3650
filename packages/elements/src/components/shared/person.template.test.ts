import { expect, fixture, html } from '@open-wc/testing';
import type { PersonSummary } from '@mentorkit/contract';
import { personHeader } from './person.template.js';

const person = (overrides: Partial<PersonSummary>): PersonSummary => ({
  id: 'p-1', name: 'Fernanda García', avatarUrl: null, headline: '', position: 'Guidance Counselor', company: 'Bukidnon State College',
  industry: 'Education', programme: 'BS Business Administration', graduationYear: 2021, skills: [], goals: '', timeZone: null, location: '',
  ...overrides,
});
const lines = async (p: PersonSummary) => {
  const el = await fixture<HTMLDivElement>(html`<div>${personHeader(p, { headingId: 'h' })}</div>`);
  return [...el.querySelectorAll('.person-text > p')].map((line) => line.textContent!.replace(/\s+/g, ' ').trim());
};

describe('personHeader: no line repeats the one above it', () => {
  it('shows the programme when the headline already names the role', async () => {
    expect(await lines(person({ headline: 'Guidance Counselor at Bukidnon State College' }))).to.deep.equal([
      'Guidance Counselor at Bukidnon State College', 'BS Business Administration, class of 2021',
    ]);
  });

  it('leaves the programme out when the headline names it too', async () => {
    expect(await lines(person({ headline: 'Guidance Counselor at Bukidnon State College · BS Business Administration 2021' }))).to.deep.equal([
      'Guidance Counselor at Bukidnon State College · BS Business Administration 2021',
    ]);
  });
});
