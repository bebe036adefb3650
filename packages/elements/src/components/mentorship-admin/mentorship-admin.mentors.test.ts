import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, buttonIn } from '../../test-support/api-fixture.js';
import { adminClient, freshMentor, uniqueWord } from './admin.fixtures.js';
import {
  announcement, dialogClosed, dialogOpened, expectFocusOn, fillNotes, json, mentorRow, notesField, renderAdmin, routedFetch, searchMentors,
  settled, textOf,
  hangingAfterRoles,
} from './admin.test-helpers.js';

describe('<mentorship-admin> mentors', () => {
  const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => textOf(c));
  const serverStatus = async (word: string) => (await (await adminClient()).admin.mentors({ q: word })).items.map((m) => m.status);

  it('lists mentors in a table: status in words, mentees of capacity, waiting requests, reply time, rating', async () => {
    const word = uniqueWord();
    const mentor = await freshMentor(`Iris ${word}`, { waitingRequests: 1 });
    const el = await renderAdmin({ tab: 'mentors' });
    await settled(el);
    await searchMentors(el, word);

    expect($$(el, 'thead th').map((th) => textOf(th))).to.deep.equal(['Name', 'Status', 'Mentees', 'Pending requests', 'Median reply time', 'Rating', 'Actions']);
    const row = mentorRow(el, mentor.id)!;
    expect(row.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(cells(row)).to.deep.equal([`Iris ${word}`, 'Active', '0 of 3', '1', 'No replies yet', 'No ratings yet', 'Suspend…']);
    expect($$(el, 'tbody tr').length).to.equal(1);
    expect(textOf($(el, '#panel-mentors [part="summary"]'))).to.equal('1 mentor');
    await expect(el).to.be.accessible();
  });

  it('filters by status, and says so when nobody matches', async () => {
    const word = uniqueWord();
    const mentor = await freshMentor(`Jon ${word}`);
    const { fetch, requests } = routedFetch(() => undefined);
    const el = await renderAdmin({ tab: 'mentors', fetch });
    await settled(el);
    await searchMentors(el, word);
    const status = $<HTMLSelectElement>(el, '#mentor-status')!;
    status.value = 'suspended';
    status.dispatchEvent(new Event('change'));
    await settled(el);
    expect(Object.fromEntries(requests.at(-1)!.url.searchParams)).to.include({ q: word, status: 'suspended' });
    const empty = $(el, '[part="empty"]')!;
    expect(textOf(empty)).to.contain(`No mentors match “${word}”.`);
    await expect(el).to.be.accessible();

    buttonIn(empty, 'Show all mentors').click();
    await settled(el);
    expect($<HTMLInputElement>(el, '#mentor-q')!.value).to.equal('');
    expect(status.value).to.equal('');
    expectFocusOn(el, $(el, '#mentor-q'));
    await searchMentors(el, word);
    expect(mentorRow(el, mentor.id)).to.exist;
  });

  it('suspends with a required reason that explains the consequences, then reactivates', async () => {
    const word = uniqueWord();
    const name = `Kai ${word}`;
    const mentor = await freshMentor(name, { waitingRequests: 2 });
    const el = await renderAdmin({ tab: 'mentors' });
    await settled(el);
    await searchMentors(el, word);

    const suspend = buttonIn(mentorRow(el, mentor.id)!, 'Suspend…');
    suspend.click();
    const d = await dialogOpened(el);
    expect(textOf(d.querySelector('h2'))).to.equal(`Suspend ${name}?`);
    const description = textOf(d.querySelector('#dialog-description'));
    expect(description).to.contain('2 waiting requests will be declined and the mentees told.');
    expect(description).to.contain('Running mentorships continue as they are.');
    await expect(el).to.be.accessible();

    buttonIn(d, 'Suspend mentor').click();
    await el.updateComplete;
    expect(textOf($(el, '#dialog-error'))).to.equal('Write a reason for the suspension.');
    expect(notesField(el).getAttribute('aria-invalid')).to.equal('true');
    expect(await serverStatus(word)).to.deep.equal(['active']);

    fillNotes(el, 'Missed three meetings in a row.');
    setTimeout(() => buttonIn(d, 'Suspend mentor').click());
    const suspended = await oneEvent(el, 'mentor-suspended');
    expect(suspended.bubbles && suspended.composed).to.equal(true);
    expect(suspended.detail).to.deep.equal({ mentorId: mentor.id, reason: 'Missed three meetings in a row.', declinedRequests: 2 });
    await dialogClosed(el);

    const row = mentorRow(el, mentor.id)!;
    expect(cells(row)).to.deep.equal([name, 'Suspended Reason: Missed three meetings in a row.', '0 of 3', '0', 'No replies yet', 'No ratings yet', 'Reactivate']);
    expect(announcement(el)).to.equal(`Suspended ${name}. 2 waiting requests were declined. Running mentorships continue.`);
    expectFocusOn(el, suspend, 'focus returns to the same button, now "Reactivate"');
    expect(await serverStatus(word)).to.deep.equal(['suspended']);
    await expect(el).to.be.accessible();

    const reactivated = oneEvent(el, 'mentor-reactivated');
    await sendKeys({ press: 'Enter' });
    expect((await reactivated).detail).to.deep.equal({ mentorId: mentor.id });
    await waitUntil(() => announcement(el).startsWith('Reactivated'), 'no announcement');
    expect(announcement(el)).to.equal(`Reactivated ${name}. They appear in mentor search again.`);
    expect(cells(row).slice(1, 2)).to.deep.equal(['Active']);
    expect(textOf(suspend)).to.equal('Suspend…');
    expect(await serverStatus(word)).to.deep.equal(['active']);
  });

  it('shows a reactivation at once and rolls it back visibly when the server refuses', async () => {
    const word = uniqueWord();
    const name = `Lea ${word}`;
    const mentor = await freshMentor(name);
    await (await adminClient()).admin.suspend(mentor.id, 'Paused while on leave');
    let answer: (r: Response) => void = () => {};
    const { fetch } = routedFetch(({ url }) => (url.pathname.endsWith('/reactivate') ? new Promise<Response>((r) => (answer = r)) : undefined));
    const el = await renderAdmin({ tab: 'mentors', fetch });
    await settled(el);
    await searchMentors(el, word);
    const row = mentorRow(el, mentor.id)!;
    expect(cells(row)[1]).to.equal('Suspended Reason: Paused while on leave');

    let reactivations = 0;
    el.addEventListener('mentor-reactivated', () => reactivations++);
    buttonIn(row, 'Reactivate').click();
    await el.updateComplete;
    expect(cells(row)[1], 'optimistic').to.equal('Active');
    const button = row.querySelector('button')!;
    expect(textOf(button)).to.equal('Reactivating…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');

    answer(json({ error: { code: 'internal', message: 'boom', requestId: 'r2' } }, 500));
    await waitUntil(() => announcement(el) !== '', 'no announcement');
    expect(cells(row)[1], 'rolled back').to.equal('Suspended Reason: Paused while on leave');
    expect(textOf(button)).to.equal('Reactivate');
    expect(announcement(el)).to.equal(`${name} could not be reactivated. The mentoring service had a problem on its side.`);
    expect($(el, '[part="announcer"]')!.className).to.contain('announcer--error');
    expect(reactivations).to.equal(0);
    expect(await serverStatus(word)).to.deep.equal(['suspended']);
  });

  it('shows skeleton rows while loading', async () => {
    const el = await renderAdmin({ tab: 'mentors', fetch: hangingAfterRoles });
    expect($(el, '#panel-mentors [part~="skeleton"]')).to.exist;
    expect(textOf($(el, '#panel-mentors [part="summary"]'))).to.equal('Loading mentors…');
    await expect(el).to.be.accessible();
  });

  it('reports a failure in words and recovers with Retry', async () => {
    let fail = true;
    const { fetch } = routedFetch(({ url }) => (fail && url.pathname === '/api/v1/admin/mentors' ? json({}, 503) : undefined));
    const el = await renderAdmin({ tab: 'mentors', fetch });
    await settled(el);
    expect(textOf($(el, '[part="error"]'))).to.equal('Mentors could not be loaded. The mentoring service had a problem on its side. Retry');
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn($(el, '[part="error"]')!, 'Retry').click();
    await settled(el);
    expect($(el, '[part="mentors-table"]')).to.exist;
  });
});

