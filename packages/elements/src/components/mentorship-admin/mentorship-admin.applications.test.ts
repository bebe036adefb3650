import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MentorApplication } from '@mentorkit/contract';
import { $, $$, buttonIn, freshToken } from '../../test-support/api-fixture.js';
import { createClient } from '@mentorkit/sdk';
import { adminClient, applicationInput, freshApplicant, uniqueWord } from './admin.fixtures.js';
import {
  announcement, applicationCard, dialog, dialogClosed, dialogOpened, expectFocusOn, fillNotes, findApplicationCard, focused, json, nodeLabel, notesField,
  renderAdmin, routedFetch, settled, textOf,
} from './admin.test-helpers.js';

describe('<mentorship-admin> applications', () => {
  const decisionButtons = (card: Element) => [...card.querySelectorAll('.actions button')].map((b) => b.textContent!.trim());

  it('shows each applicant with everything needed to decide', async () => {
    const name = `Ada ${uniqueWord()}`;
    const { application } = await freshApplicant(name, {
      profile: { headline: 'Product lead who used to write firmware', position: 'Product Lead', company: 'Kestrel Space', programme: 'BS Computer Science', graduationYear: 2010 },
      application: { expertise: ['Product Management', 'Firmware'], yearsOfExperience: 14, links: ['https://example.org/ada/', 'https://www.linkedin.com/in/ada'] },
    });
    const el = await renderAdmin();
    const card = await findApplicationCard(el, application.id);

    expect(textOf(card.querySelector('.name'))).to.equal(name);
    const text = textOf(card);
    for (const expected of [
      'Product lead who used to write firmware', 'Product Lead, Kestrel Space · BS Computer Science, class of 2010', 'In review',
      '14 years of experience', 'Waiting since', 'I moved from engineering into product',
    ]) {
      expect(text).to.contain(expected);
    }
    expect([...card.querySelectorAll('[part="chip"]')].map((c) => c.textContent)).to.deep.equal(['Product Management', 'Firmware']);
    const links = [...card.querySelectorAll<HTMLAnchorElement>('.links a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/ada/', 'https://www.linkedin.com/in/ada']);
    expect(links.map((a) => textOf(a))).to.deep.equal(['example.org/ada (opens in a new tab)', 'linkedin.com/in/ada (opens in a new tab)']);
    for (const a of links) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
    }
    expect(decisionButtons(card)).to.deep.equal(['Request changes', 'Reject', 'Approve']);
    expect(textOf($(el, '[part="summary"]'))).to.match(/^\d+ applications? waiting for review, oldest first$/);
    await expect(el).to.be.accessible();
  });

  it('offers an admin no decision on their own application: another admin must decide it', async () => {
    const { token } = await freshToken(`Admin ${uniqueWord()}`, ['admin']);
    const own = await createClient({ baseUrl: '/', token }).mentorApplications.submit(applicationInput());
    const el = await renderAdmin({ token });
    const card = await findApplicationCard(el, own.id);
    expect(decisionButtons(card)).to.deep.equal([]);
    expect(textOf(card.querySelector('[part="own-application"]'))).to.equal('This is your own application: another administrator must decide it.');
    // Another admin still decides it.
    const other = await findApplicationCard(await renderAdmin(), own.id);
    expect(decisionButtons(other)).to.deep.equal(['Request changes', 'Reject', 'Approve']);
    await expect(el).to.be.accessible();
  });

  it('lists the oldest application first', async () => {
    const older = await freshApplicant(`Older ${uniqueWord()}`);
    const newer = await freshApplicant(`Newer ${uniqueWord()}`);
    const el = await renderAdmin();
    await findApplicationCard(el, newer.application.id);
    const ids = $$(el, 'article[data-application-id]').map((c) => c.dataset['applicationId']);
    expect(ids.indexOf(older.application.id)).to.be.lessThan(ids.indexOf(newer.application.id));
  });

  it('renders what applicants wrote as text, and only web links as links', async () => {
    const { application } = await freshApplicant(`Eve ${uniqueWord()}`);
    // The API refuses such values; a tampered or older record must still render harmlessly.
    const hostile: MentorApplication = {
      ...application,
      statement: '<img src=x onerror="window.__adminXss=1">Hello',
      expertise: ['<b>bold</b>'],
      links: ['javascript:window.__adminXss=2', 'https://example.org/fine'],
      applicant: { ...application.applicant, name: '<i>Eve</i>', headline: '<script>window.__adminXss=3</script>' },
    };
    const { fetch } = routedFetch(({ url }) => (url.pathname === '/api/v1/admin/mentor-applications' ? json({ items: [hostile], nextCursor: null }) : undefined));
    const el = await renderAdmin({ fetch });
    await settled(el);
    const card = applicationCard(el, application.id)!;
    expect(card.querySelector('.name')!.textContent).to.equal('<i>Eve</i>');
    expect(card.querySelector('.prose')!.textContent).to.equal('<img src=x onerror="window.__adminXss=1">Hello');
    expect(nodeLabel(card.querySelector('img, b, i, script'))).to.equal('none');
    const anchors = [...card.querySelectorAll('a')];
    expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/fine']);
    expect(textOf(card.querySelector('.unsafe-link'))).to.equal('javascript:window.__adminXss=2 (not a web link, not opened)');
    expect((window as { __adminXss?: number }).__adminXss).to.equal(undefined);
  });

  it('says when no application waits, and offers the next step', async () => {
    const { fetch, requests } = routedFetch(({ url }) => (url.pathname === '/api/v1/admin/mentor-applications' ? json({ items: [], nextCursor: null }) : undefined));
    const el = await renderAdmin({ fetch });
    await settled(el);
    const empty = $(el, '[part="empty"]')!;
    expect(textOf(empty)).to.contain('No applications are waiting for review.');
    await expect(el).to.be.accessible();

    buttonIn(empty, 'Show applications with changes requested').click();
    await settled(el);
    expect(requests.at(-1)!.url.searchParams.get('status')).to.equal('changes_requested');
    expect($<HTMLSelectElement>(el, '#application-status')!.value).to.equal('changes_requested');
    expect(textOf($(el, '[part="empty"]'))).to.contain('No applications with changes requested.');
  });

  it('approves by click, with an optional note, and tells the portal', async () => {
    const name = `Bea ${uniqueWord()}`;
    const { user, application } = await freshApplicant(name);
    const el = await renderAdmin();
    const card = await findApplicationCard(el, application.id);
    const approve = buttonIn(card, 'Approve');
    approve.click();
    const d = await dialogOpened(el);
    expect(textOf(d.querySelector('h2'))).to.equal(`Approve ${name} as a mentor?`);
    expectFocusOn(el, notesField(el), 'the note takes focus');
    expect(notesField(el).required).to.equal(false);
    expect(textOf(d.querySelector('label'))).to.equal('Note to Bea (optional)');
    await expect(el).to.be.accessible();

    fillNotes(el, '  Welcome aboard!  ');
    setTimeout(() => buttonIn(d, 'Approve').click());
    const event = await oneEvent(el, 'mentor-application-decided');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.include({ applicationId: application.id, applicantId: user.id, decision: 'approved', notes: 'Welcome aboard!' });
    expect(event.detail.application.status).to.equal('approved');

    await dialogClosed(el);
    expect(nodeLabel(applicationCard(el, application.id)), 'the card leaves the queue').to.equal('none');
    expect(announcement(el)).to.equal(`Approved ${name} as a mentor. They have been told.`);
    expect(el.shadowRoot!.contains(focused(el)), 'focus stays in the element').to.equal(true);
    expect((await user.client.mentorApplications.mine()).application).to.include({ status: 'approved', decisionNotes: 'Welcome aboard!' });
  });

  it('rejects by keyboard, and insists on a reason first', async () => {
    const name = `Cyd ${uniqueWord()}`;
    const { user, application } = await freshApplicant(name);
    const el = await renderAdmin();
    const reject = buttonIn(await findApplicationCard(el, application.id), 'Reject');
    reject.focus();
    await sendKeys({ press: 'Enter' });
    const d = await dialogOpened(el);
    expectFocusOn(el, notesField(el));
    expect(notesField(el).required).to.equal(true);
    await expect(el).to.be.accessible();

    // Only spaces, then Tab past Cancel to "Reject application" and press Enter.
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(textOf(focused(el))).to.equal('Reject application');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const field = notesField(el);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('dialog-error');
    expect(textOf($(el, '#dialog-error'))).to.equal('Write a reason: Cyd will read it.');
    expectFocusOn(el, field, 'focus goes to the field that needs fixing');
    expect(d.open).to.equal(true);
    expect((await user.client.mentorApplications.mine()).application?.status, 'nothing was sent').to.equal('pending');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Please show some mentoring experience first.' });
    await el.updateComplete;
    expect(field.getAttribute('aria-invalid'), 'the complaint goes once fixed').to.equal('false');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const decided = oneEvent(el, 'mentor-application-decided');
    await sendKeys({ press: 'Enter' });
    expect((await decided).detail).to.include({ decision: 'rejected', notes: 'Please show some mentoring experience first.' });
    await dialogClosed(el);
    expect(announcement(el)).to.equal(`Rejected ${name}’s application. They have been told why.`);
    expect((await user.client.mentorApplications.mine()).application).to.include({ status: 'rejected', decisionNotes: 'Please show some mentoring experience first.' });
  });

  it('cancels with Escape without deciding, returning focus; then requests changes', async () => {
    const name = `Dov ${uniqueWord()}`;
    const { user, application } = await freshApplicant(name);
    const el = await renderAdmin();
    const requestChanges = buttonIn(await findApplicationCard(el, application.id), 'Request changes');
    let decisions = 0;
    el.addEventListener('mentor-application-decided', () => decisions++);

    requestChanges.click();
    await dialogOpened(el);
    expect(textOf(dialog(el).querySelector('h2'))).to.equal(`Request changes from ${name}`);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Not sent' });
    await sendKeys({ press: 'Escape' });
    await dialogClosed(el);
    expectFocusOn(el, requestChanges);
    expect(decisions).to.equal(0);
    expect((await user.client.mentorApplications.mine()).application?.status).to.equal('pending');

    requestChanges.click();
    await dialogOpened(el);
    expect(notesField(el).value, 'a cancelled note is not kept').to.equal('');
    fillNotes(el, 'Add one or two links to your work.');
    buttonIn(dialog(el), 'Request changes').click();
    await dialogClosed(el);
    expect(decisions).to.equal(1);
    expect(announcement(el)).to.equal(`Asked ${name} for changes. The application is back with them.`);

    // Under its new status it shows the note, and no decisions (the applicant acts next).
    const status = $<HTMLSelectElement>(el, '#application-status')!;
    status.value = 'changes_requested';
    status.dispatchEvent(new Event('change'));
    const card = await findApplicationCard(el, application.id);
    expect(textOf(card)).to.contain('Changes requested');
    expect(textOf(card.querySelector('.decision-notes'))).to.equal('Note to the applicant Add one or two links to your work.');
    expect(decisionButtons(card)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('keeps focus inside the dialog and the page behind inert', async () => {
    const { application } = await freshApplicant(`Eli ${uniqueWord()}`);
    const el = await renderAdmin();
    const card = await findApplicationCard(el, application.id);
    buttonIn(card, 'Reject').click();
    const d = await dialogOpened(el);
    for (let i = 0; i < 7; i++) {
      await sendKeys({ press: 'Tab' });
      expect(d.contains(focused(el)), `after ${i + 1} Tab presses`).to.equal(true);
    }
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Shift+Tab' });
      expect(d.contains(focused(el)), `after ${i + 1} Shift+Tab presses`).to.equal(true);
    }
    buttonIn(card, 'Approve').focus();
    expect(d.contains(focused(el))).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await dialogClosed(el);
  });

  it('keeps the notes and says why when the server refuses', async () => {
    const { application } = await freshApplicant(`Fay ${uniqueWord()}`);
    const { fetch } = routedFetch(({ url, method }) =>
      method === 'POST' && url.pathname.endsWith('/reject') ? json({ error: { code: 'internal', message: 'boom', requestId: 'r1' } }, 500) : undefined,
    );
    const el = await renderAdmin({ fetch });
    buttonIn(await findApplicationCard(el, application.id), 'Reject').click();
    await dialogOpened(el);
    fillNotes(el, 'Not this time.');
    buttonIn(dialog(el), 'Reject application').click();
    await waitUntil(() => dialog(el).querySelector('[role="alert"]'), 'no error shown');
    expect(textOf(dialog(el).querySelector('[role="alert"]'))).to.equal('That did not work. The mentoring service had a problem on its side.');
    expect(notesField(el).value).to.equal('Not this time.');
    expect(applicationCard(el, application.id)).to.exist;
    await expect(el).to.be.accessible();
    dialog(el).close();
  });

  it('says so when someone else decided first, and refreshes the queue', async () => {
    const { user, application } = await freshApplicant(`Ivy ${uniqueWord()}`);
    const el = await renderAdmin();
    buttonIn(await findApplicationCard(el, application.id), 'Approve').click();
    await dialogOpened(el);
    // Another admin, in another tab, gets there first.
    await (await adminClient()).admin.reject(application.id, 'Decided elsewhere');
    buttonIn(dialog(el), 'Approve').click();
    await waitUntil(() => dialog(el).querySelector('[role="alert"]'), 'no error shown');
    expect(textOf(dialog(el).querySelector('[role="alert"]'))).to.equal(
      'Someone else changed this in the meantime. The list has been refreshed: cancel to see where it stands.',
    );
    await expect(el).to.be.accessible();
    buttonIn(dialog(el), 'Cancel').click();
    await dialogClosed(el);
    await settled(el);
    expect(nodeLabel(applicationCard(el, application.id)), 'the refreshed queue no longer has it').to.equal('none');
    expect((await user.client.mentorApplications.mine()).application).to.include({ status: 'rejected', decisionNotes: 'Decided elsewhere' });
  });

  it('says why the next page failed, and retries it', async () => {
    let failNext = true;
    const { fetch } = routedFetch(({ url }) => {
      if (failNext && url.searchParams.has('cursor')) {
        failNext = false;
        throw new TypeError('Failed to fetch');
      }
      return undefined;
    });
    await freshApplicant(`Jo ${uniqueWord()}`);
    await freshApplicant(`Kit ${uniqueWord()}`);
    const el = await renderAdmin({ fetch, pageSize: 1 });
    await settled(el);
    buttonIn(el.shadowRoot!, 'Load more applications').click();
    await waitUntil(() => $(el, '[part="error"]'), 'no error shown');
    expect(textOf($(el, '[part="error"]'))).to.equal('More could not be loaded. We could not reach the mentoring service. Check your connection and try again. Retry');
    expect($$(el, 'article[data-application-id]').length, 'the first page stays').to.equal(1);
    await expect(el).to.be.accessible();

    buttonIn($(el, '[part="error"]')!, 'Retry').click();
    await waitUntil(() => $$(el, 'article[data-application-id]').length === 2, 'the retry did not load the page');
  });

  it('loads more by cursor, without duplicates, and moves focus to the first new application', async () => {
    const first = await freshApplicant(`Gus ${uniqueWord()}`);
    const second = await freshApplicant(`Hal ${uniqueWord()}`);
    const { fetch, requests } = routedFetch(() => undefined);
    const el = await renderAdmin({ fetch, pageSize: 1 });
    await settled(el);
    expect($$(el, 'article[data-application-id]').length).to.equal(1);
    expect(textOf($(el, '[part="summary"]'))).to.equal('First 1 application waiting for review, oldest first');

    buttonIn(el.shadowRoot!, 'Load more applications').click();
    await waitUntil(() => $$(el, 'article[data-application-id]').length === 2, 'the second page did not arrive');
    await el.updateComplete;
    expect(requests.at(-1)!.url.searchParams.get('cursor')).to.be.a('string').and.not.empty;
    expectFocusOn(el, $$(el, 'article[data-application-id]')[1], 'focus on the first new application');

    await findApplicationCard(el, second.application.id);
    const ids = $$(el, 'article[data-application-id]').map((c) => c.dataset['applicationId']);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.include.members([first.application.id, second.application.id]);
  });
});

