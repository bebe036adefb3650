import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MatchesResult, Programme, ProgrammeInput } from '@mentorkit/contract';
import { $, $$, buttonIn, freshPeople, hangingFetch } from '../../test-support/api-fixture.js';
import { adminClient, uniqueWord } from './admin.fixtures.js';
import { announcement, expectFocusOn, focused, json, nodeLabel, renderAdmin, routedFetch, settled, textOf } from './admin.test-helpers.js';
import type { MentorshipAdmin } from './mentorship-admin.component.js';

/** A calendar date `days` from today, as the API takes it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A programme no other test knows (files run in parallel, and the demo data has its own). */
async function freshProgramme(overrides: Partial<ProgrammeInput> = {}): Promise<Programme> {
  const word = uniqueWord();
  return (await adminClient()).admin.programmes.create({
    name: `Cohort ${word}`,
    slug: `cohort-${word.toLowerCase()}`,
    startsOn: inDays(30),
    endsOn: inDays(150),
    matching: 'mentee_choice',
    ...overrides,
  });
}

/** An admin-matched programme with two approved mentors and three mentees enrolled. */
async function matchedProgramme() {
  const word = uniqueWord();
  const programme = await freshProgramme({ name: `Matched ${word}`, matching: 'admin_matched' });
  const people = await freshPeople({
    ana: { name: `Ana ${word}`, mentor: { expertise: ['Data Engineering', 'Career Change'], capacity: 3 } },
    ben: { name: `Ben ${word}`, mentor: { expertise: ['Leadership'], capacity: 3 } },
    cai: { name: `Cai ${word}`, profile: { goals: 'Move into data engineering', skills: ['Python'] } },
    dee: { name: `Dee ${word}`, profile: { goals: 'Lead a small team', skills: ['Leadership'] } },
    eli: { name: `Eli ${word}`, profile: { goals: 'Change careers into data', skills: ['SQL'] } },
  });
  for (const key of ['ana', 'ben'] as const) await people[key].client.programmes.enrol(programme.id, { role: 'mentor' });
  for (const key of ['cai', 'dee', 'eli'] as const) await people[key].client.programmes.enrol(programme.id, { role: 'mentee', goals: 'Grow with a mentor' });
  return { programme, people, word };
}

const programmeRow = (el: MentorshipAdmin, id: string) => $(el, `tr[data-programme-id="${CSS.escape(id)}"]`);

/** The programme's row, loading more pages until it shows up. */
async function findProgrammeRow(el: MentorshipAdmin, id: string): Promise<HTMLElement> {
  await settled(el);
  for (;;) {
    const row = programmeRow(el, id);
    if (row) return row;
    const more = $(el, '#panel-programmes [part~="load-more"]');
    if (!more) throw new Error(`programme ${id} is not in the list`);
    more.click();
    await settled(el);
  }
}

async function openProgramme(el: MentorshipAdmin, id: string): Promise<HTMLElement> {
  const row = await findProgrammeRow(el, id);
  row.querySelector<HTMLButtonElement>('.programme-open')!.click();
  await el.updateComplete;
  await settled(el);
  return $<HTMLElement>(el, '[part="programme-detail"]')!;
}

const formDialog = (el: MentorshipAdmin) => $<HTMLDialogElement>(el, '#programme-dialog')!;

async function formOpened(el: MentorshipAdmin): Promise<HTMLDialogElement> {
  await el.updateComplete;
  await waitUntil(() => formDialog(el).open && $(el, '#programme-name'), 'the programme form did not open');
  await Promise.all(formDialog(el).getAnimations().map((a) => a.finished));
  return formDialog(el);
}

const formClosed = (el: MentorshipAdmin) => waitUntil(() => !formDialog(el).open && !$(el, '.programme-form'), 'the programme form did not close');

const field = <E extends HTMLElement = HTMLInputElement>(el: MentorshipAdmin, name: string) => $<E>(el, `#programme-${name}`)!;

/** Sets a field as the browser does when someone types or picks a date. */
function fill(el: MentorshipAdmin, name: string, value: string): void {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const fieldError = (el: MentorshipAdmin, name: string) => textOf($(el, `#programme-${name}-error`));

const pairRows = (el: MentorshipAdmin) => $$(el, '[part~="pair-row"]');

describe('<mentorship-admin> programmes', () => {
  it('lists programmes with their dates, status, matching and enrolled counts', async () => {
    const programme = await freshProgramme({ matching: 'admin_matched', enrolmentClosesOn: inDays(20) });
    const el = await renderAdmin({ tab: 'programmes' });
    const row = await findProgrammeRow(el, programme.id);
    const cells = [...row.querySelectorAll('th, td')].map((c) => textOf(c));
    expect(cells[0]).to.equal(`${programme.name} ${programme.slug}`);
    expect(cells[1]).to.match(/ – /);
    expect(cells[1]).to.contain('Enrolment open until');
    expect(cells[2]).to.equal('Enrolling Admin matches');
    expect(cells[3]).to.equal('0 mentors 0 mentees');
    expect(textOf($(el, '#panel-programmes [part="summary"]'))).to.match(/^(First )?\d+ programmes?$/);
    await expect(el).to.be.accessible();
  });

  it('loads its code and the list only when the tab is first shown', async () => {
    const { fetch, requests } = routedFetch(() => undefined);
    const el = await renderAdmin({ fetch });
    await settled(el);
    expect(requests.some((r) => r.url.pathname === '/api/v1/admin/programmes')).to.equal(false);
    buttonIn(el.shadowRoot!, 'Programmes').click();
    await settled(el);
    expect(requests.some((r) => r.url.pathname === '/api/v1/admin/programmes')).to.equal(true);
    expect($(el, '[part="programmes-table"], #panel-programmes [part="empty"]')).to.exist;
  });

  it('shows a skeleton while the list loads', async () => {
    const { fetch } = routedFetch(({ url }) => (url.pathname === '/api/v1/admin/programmes' ? hangingFetch(url) : undefined));
    const el = await renderAdmin({ tab: 'programmes', fetch });
    // First while the tab's code loads, then while the list does: the same table-shaped skeleton.
    expect($(el, '#panel-programmes [part~="skeleton"]')).to.exist;
    await waitUntil(() => el.programmes?.list.status === 'loading', 'the list did not start loading');
    await el.updateComplete;
    expect($(el, '#panel-programmes [part~="skeleton"]')).to.exist;
    expect(textOf($(el, '#panel-programmes [part="summary"]'))).to.equal('Loading programmes…');
    await expect(el).to.be.accessible();
  });

  it('says when there is no programme yet, with the next step', async () => {
    const { fetch } = routedFetch(({ url }) => (url.pathname === '/api/v1/admin/programmes' ? json({ items: [], nextCursor: null }) : undefined));
    const el = await renderAdmin({ tab: 'programmes', fetch });
    await settled(el);
    const empty = $(el, '#panel-programmes [part="empty"]')!;
    expect(textOf(empty)).to.contain('No programmes yet.');
    await expect(el).to.be.accessible();
    const start = buttonIn(empty, 'Create the first programme');
    start.focus();
    start.click();
    await formOpened(el);
    expectFocusOn(el, field(el, 'name'), 'the name takes focus');
    await sendKeys({ press: 'Escape' });
    await formClosed(el);
    expectFocusOn(el, start, 'focus returns to the button');
  });

  it('reports a failure in words and recovers with Retry', async () => {
    let calls = 0;
    const { fetch } = routedFetch(({ url }) =>
      url.pathname === '/api/v1/admin/programmes' && ++calls === 1 ? json({ error: { code: 'internal', message: 'boom', requestId: 'r1' } }, 500) : undefined,
    );
    const el = await renderAdmin({ tab: 'programmes', fetch });
    await settled(el);
    const error = $(el, '#panel-programmes [part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.equal('Programmes could not be loaded. The mentoring service had a problem on its side. Retry');
    await expect(el).to.be.accessible();
    buttonIn(error, 'Retry').click();
    await settled(el);
    expect(nodeLabel($(el, '#panel-programmes [part="error"]'))).to.equal('none');
    expect(el.programmes!.list.status).to.equal('ready');
  });

  it('creates a programme with the keyboard, and the new one appears with focus on it', async () => {
    const word = uniqueWord();
    const name = `Spring cohort ${word}`;
    const el = await renderAdmin({ tab: 'programmes' });
    await settled(el);
    $(el, '#new-programme')!.focus();
    await sendKeys({ press: 'Enter' });
    const d = await formOpened(el);
    expect(textOf(d.querySelector('h2'))).to.equal('New programme');
    expectFocusOn(el, field(el, 'name'), 'the name takes focus');
    await sendKeys({ type: name });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Twelve weeks for final-year students.' });
    fill(el, 'startsOn', inDays(10));
    fill(el, 'endsOn', inDays(100));
    // Matching: the radio group, by keyboard.
    field(el, 'matching').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.programmes!.form!.draft.matching).to.equal('admin_matched');
    const template = field<HTMLSelectElement>(el, 'milestoneTemplate');
    template.value = 'leadership';
    template.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    fill(el, 'maxMenteesPerMentor', '2');
    await el.updateComplete;
    await expect(el).to.be.accessible();

    // Enter in a text field submits the form.
    field(el, 'name').focus();
    await sendKeys({ press: 'Enter' });
    await formClosed(el);
    const created = el.programmes!.list.items.find((p) => p.name === name)!;
    expect(created, 'in the list').to.exist;
    expect(created.matching).to.equal('admin_matched');
    expect(created.milestoneTemplate).to.equal('leadership');
    expect(created.maxMenteesPerMentor).to.equal(2);
    expect(created.slug).to.equal(`spring-cohort-${word.toLowerCase()}`);
    expect(announcement(el)).to.equal(`Created the programme ${name}.`);
    await waitUntil(() => focused(el)?.classList.contains('programme-open'), 'focus on the new programme');
    expect(textOf(focused(el))).to.equal(name);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s field errors beside the fields and keeps what was typed', async () => {
    const name = `Backwards ${uniqueWord()}`;
    const el = await renderAdmin({ tab: 'programmes' });
    await settled(el);
    $(el, '#new-programme')!.click();
    await formOpened(el);
    fill(el, 'name', name);
    fill(el, 'description', 'Dates the wrong way round.');
    fill(el, 'startsOn', '2027-03-01');
    fill(el, 'endsOn', '2027-02-01');
    buttonIn(formDialog(el), 'Create programme').click();
    await waitUntil(() => fieldError(el, 'endsOn'), 'no error beside the end date');
    expect(fieldError(el, 'endsOn')).to.equal('Must be on or after the start date');
    expect(field(el, 'endsOn').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'endsOn').getAttribute('aria-describedby')).to.contain('programme-endsOn-error');
    expectFocusOn(el, field(el, 'endsOn'), 'focus on the field to fix');
    expect(formDialog(el).open, 'the form stays open').to.equal(true);
    expect([field(el, 'name').value, field<HTMLTextAreaElement>(el, 'description').value, field(el, 'startsOn').value, field(el, 'endsOn').value]).to.deep.equal([
      name, 'Dates the wrong way round.', '2027-03-01', '2027-02-01',
    ]);
    await expect(el).to.be.accessible();

    // Fixing the field clears its complaint.
    fill(el, 'endsOn', '2027-06-30');
    await el.updateComplete;
    expect(nodeLabel($(el, '#programme-endsOn-error'))).to.equal('none');
  });

  it('shows a taken address on the address field', async () => {
    const taken = await freshProgramme();
    const el = await renderAdmin({ tab: 'programmes' });
    await settled(el);
    $(el, '#new-programme')!.click();
    await formOpened(el);
    fill(el, 'name', `Other ${uniqueWord()}`);
    fill(el, 'startsOn', inDays(5));
    fill(el, 'endsOn', inDays(50));
    fill(el, 'slug', taken.slug);
    buttonIn(formDialog(el), 'Create programme').click();
    await waitUntil(() => fieldError(el, 'slug'), 'no error beside the address');
    expect(fieldError(el, 'slug')).to.equal('Another programme already uses this address. Choose another one.');
    expect(field(el, 'slug').value).to.equal(taken.slug);
    expectFocusOn(el, field(el, 'slug'));
    await expect(el).to.be.accessible();
  });

  it('edits a programme in the same form', async () => {
    const programme = await freshProgramme();
    const renamed = `${programme.name} (renamed)`;
    const el = await renderAdmin({ tab: 'programmes' });
    const row = await findProgrammeRow(el, programme.id);
    const edit = buttonIn(row, 'Edit…');
    edit.click();
    const d = await formOpened(el);
    expect(textOf(d.querySelector('h2'))).to.equal(`Edit ${programme.name}`);
    expect(field(el, 'name').value).to.equal(programme.name);
    expect(field(el, 'startsOn').value).to.equal(programme.startsOn);
    expect(textOf(d.querySelector('[part="slug"]'))).to.equal(programme.slug);
    expect(nodeLabel($(el, '#programme-slug')), 'the address is not a field until asked').to.equal('none');
    await expect(el).to.be.accessible();

    fill(el, 'name', renamed);
    fill(el, 'maxMenteesPerMentor', '4');
    buttonIn(d, 'Save changes').click();
    await formClosed(el);
    expect(announcement(el)).to.equal(`Saved the changes to ${renamed}.`);
    expect(textOf(programmeRow(el, programme.id)!.querySelector('.programme-open'))).to.equal(renamed);
    expectFocusOn(el, edit, 'focus returns to Edit');
    const saved = (await (await adminClient()).admin.programmes.list({ limit: 100 })).items.find((p) => p.id === programme.id);
    if (saved) expect([saved.name, saved.maxMenteesPerMentor, saved.slug]).to.deep.equal([renamed, 4, programme.slug]);
  });

  it('opens a programme with its enrolments, and goes back to the list', async () => {
    const { programme, word } = await matchedProgramme();
    const el = await renderAdmin({ tab: 'programmes' });
    const detail = await openProgramme(el, programme.id);
    expectFocusOn(el, $(el, '#programme-title'), 'focus on the programme’s name');
    expect(textOf($(el, '#programme-title'))).to.equal(programme.name);
    expect(textOf(detail.querySelector('[part="programme-summary"]'))).to.contain('2 mentors · 3 mentees');
    const mentors = $$(el, '[part="enrolments"] .enrolment-list:first-child .person-row').map((r) => textOf(r));
    expect(mentors.sort()).to.deep.equal([`Ana ${word} 3 free slots`, `Ben ${word} 3 free slots`]);
    const mentees = $$(el, '[part="enrolments"] .enrolment-list:last-child .person-row').map((r) => textOf(r));
    expect(mentees.sort()).to.deep.equal([`Cai ${word} Not matched`, `Dee ${word} Not matched`, `Eli ${word} Not matched`]);
    expect($(el, '[part="matching"]'), 'admin-matched: matching is offered').to.exist;
    await expect(el).to.be.accessible();

    buttonIn(detail, /All programmes/).click();
    await el.updateComplete;
    await waitUntil(() => programmeRow(el, programme.id), 'back on the list');
    expectFocusOn(el, programmeRow(el, programme.id)!.querySelector('.programme-open'), 'focus back on the programme');
  });

  it('suggests matches, lets the admin remove and re-pair, and confirms the introductions', async () => {
    const { programme, people, word } = await matchedProgramme();
    const el = await renderAdmin({ tab: 'programmes' });
    await openProgramme(el, programme.id);
    buttonIn($(el, '[part="matching"]')!, 'Suggest matches').click();
    await settled(el);
    await waitUntil(() => pairRows(el).length === 3, `expected 3 pairs, got ${pairRows(el).length}`);
    expectFocusOn(el, $(el, '#matching-results'), 'focus on the suggestions');
    await waitUntil(() => announcement(el) === '3 pairs suggested.', 'the suggestion is announced');
    for (const row of pairRows(el)) {
      expect(textOf(row.querySelector('.score'))).to.match(/^\d+% match$/);
      expect(row.querySelector('select')!.labels![0]!.textContent).to.match(/^Mentor for /);
    }
    expect(textOf($(el, '[part~="confirm-matches-button"]'))).to.equal('Confirm 3 introductions');
    await expect(el).to.be.accessible();

    // Remove the first pair: its mentee is listed as unmatched, focus moves to the next pair.
    const [first, second] = pairRows(el);
    const removedMentee = first!.dataset['menteeId']!;
    buttonIn(first!, 'Remove').click();
    await el.updateComplete;
    expect(pairRows(el).length).to.equal(2);
    expect(textOf($(el, '.unmatched'))).to.contain('Removed by you');
    expectFocusOn(el, second!.querySelector('.remove-pair'), 'focus on the next pair’s Remove');
    await waitUntil(() => /^Removed the pair .+ and .+\. .+ is now unmatched\.$/.test(announcement(el)), `announced: ${announcement(el)}`);

    // Re-pair the first remaining mentee with the other mentor.
    const row = pairRows(el)[0]!;
    const select = row.querySelector('select')!;
    const other = [...select.options].find((o) => !o.selected)!;
    select.value = other.value;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(pairRows(el)[0]!.dataset['mentorId']).to.equal(other.value);
    expect(textOf(pairRows(el)[0]!.querySelector('.score'))).to.equal('Your choice');
    await expect(el).to.be.accessible();

    buttonIn($(el, '[part="matching"]')!, 'Confirm 2 introductions').click();
    await waitUntil(() => $(el, '[part="matching-outcome"]'), 'no outcome');
    await settled(el);
    expect(textOf($(el, '[part="matching-outcome"]'))).to.contain('2 introductions sent.');
    await waitUntil(() => announcement(el) === '2 introductions sent.', 'the introductions are announced');
    expectFocusOn(el, $(el, '#matching-outcome'), 'focus on the outcome');
    await waitUntil(
      () => $$(el, '[part="enrolments"] .enrolment-list:last-child .person-row').filter((r) => textOf(r).endsWith(' Matched')).length === 2,
      'two mentees matched',
    );
    const stillUnmatched = $$(el, '[part="enrolments"] .enrolment-list:last-child .person-row').find((r) => textOf(r).endsWith('Not matched'))!;
    const removedName = Object.values(people).find((p) => p.id === removedMentee)!.name;
    expect(textOf(stillUnmatched)).to.equal(`${removedName} Not matched`);
    expect(word).to.be.a('string');
    // The mentees really were introduced.
    const requests = await (await adminClient()).admin.programmes.report(programme.id);
    expect(requests.requests.pending).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('lists each refused pair with the server’s reason', async () => {
    const { programme, word } = await matchedProgramme();
    // The server refuses two of the pairs being confirmed (the pairs on screen at that moment).
    let el: MentorshipAdmin | undefined;
    const { fetch } = routedFetch(({ url, method }) => {
      if (method !== 'POST' || !url.pathname.endsWith(`/admin/programmes/${programme.id}/matches`)) return undefined;
      const matching = el!.programmes!.matching;
      const rows = matching.status === 'confirming' ? matching.rows : [];
      const result: MatchesResult = {
        items: [],
        refused: rows.slice(0, 2).map((r) => ({ menteeId: r.mentee.id, mentorId: r.mentor.id, code: 'not_enrolled', message: 'The mentee is no longer enrolled in the programme.' })),
      };
      return json(result, 201);
    });
    el = await renderAdmin({ tab: 'programmes', fetch });
    await openProgramme(el, programme.id);
    buttonIn($(el, '[part="matching"]')!, 'Suggest matches').click();
    await waitUntil(() => pairRows(el!).length === 3, 'no pairs');
    buttonIn($(el, '[part="matching"]')!, 'Confirm 3 introductions').click();
    await waitUntil(() => $(el!, '[part="matching-outcome"]'), 'no outcome');
    const outcome = textOf($(el, '[part="matching-outcome"]'));
    expect(outcome).to.contain('0 introductions sent.');
    expect(outcome).to.contain('These pairs were refused:');
    expect($$(el, '.refused li').map((li) => textOf(li))).to.have.length(2);
    for (const li of $$(el, '.refused li')) expect(textOf(li)).to.match(new RegExp(`^\\w+ ${word} with \\w+ ${word}: The mentee is no longer enrolled in the programme\\.$`));
    await waitUntil(() => announcement(el) === '0 introductions sent. 2 pairs were refused.', 'the refusals are announced');
    await expect(el).to.be.accessible();
  });

  it('shows the report with its chart and downloads the CSV', async () => {
    const { programme } = await matchedProgramme();
    const el = await renderAdmin({ tab: 'programmes' });
    await openProgramme(el, programme.id);
    const report = $(el, '[part="report"]')!;
    const figure = (key: string) => textOf(report.querySelector(`[data-figure="${key}"] .number-value`));
    expect(figure('mentees')).to.equal('3');
    expect(figure('mentors')).to.equal('2');
    expect(figure('meetings')).to.equal('0');
    expect(figure('milestones')).to.equal('0 of 0');
    expect(figure('first-meeting')).to.equal('—');
    expect(textOf(report.querySelector('[data-figure="mentees"] .number-detail'))).to.equal('0 in a mentorship · 3 not yet');
    const rows = $$(el, '[part="report"] .bar-row').map((r) => textOf(r));
    expect(rows).to.deep.equal(['Pending 0', 'Accepted 0', 'Declined 0', 'Withdrawn 0', 'Expired 0', 'Active 0', 'Paused 0', 'Completed 0', 'Cancelled 0']);
    expect(textOf(report.querySelector('[part="at-risk"]'))).to.contain('None: every active mentorship has met or talked recently.');
    await expect(el).to.be.accessible();

    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:stub';
    };
    const clicked: string[] = [];
    const onClick = (e: Event) => {
      const a = e.composedPath()[0] as HTMLAnchorElement;
      if (a.localName === 'a' && a.download) {
        clicked.push(a.download);
        e.preventDefault();
      }
    };
    el.shadowRoot!.addEventListener('click', onClick, true);
    try {
      buttonIn(report, 'Download CSV').click();
      await waitUntil(() => blobs.length === 1 && announcement(el).startsWith('Downloaded'), 'no download');
    } finally {
      URL.createObjectURL = original;
      el.shadowRoot!.removeEventListener('click', onClick, true);
    }
    expect(clicked).to.deep.equal([`${programme.slug}-report-${new Date().toISOString().slice(0, 10)}.csv`]);
    expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).to.match(/^Mentor,Mentee,Status/);
    expect(announcement(el)).to.equal(`Downloaded ${clicked[0]}.`);
  });

  it('fits a 320px column: programmes as cards, the detail and the pairs without sideways scrolling', async () => {
    const { programme } = await matchedProgramme();
    const el = await renderAdmin({ tab: 'programmes', wrapperStyle: 'width: 320px' });
    const row = await findProgrammeRow(el, programme.id);
    const noOverflow = (what: string) => {
      for (const box of [el, ...$$(el, '.base, .panel, .table-wrap, tbody tr, .programme-detail, .section, .people, .numbers, .chart')]) {
        expect(box.scrollWidth, `${what}: ${box.className || box.localName} overflows`).to.be.at.most(box.clientWidth + 1);
      }
    };
    expect(getComputedStyle(row).display, 'a card per programme').to.equal('block');
    noOverflow('list');
    await openProgramme(el, programme.id);
    buttonIn($(el, '[part="matching"]')!, 'Suggest matches').click();
    await waitUntil(() => pairRows(el).length === 3, 'no pairs');
    noOverflow('detail with pairs');
    await expect(el).to.be.accessible();
  });

  it('says when the report cannot be loaded, and retries', async () => {
    const programme = await freshProgramme();
    let fail = true;
    const { fetch } = routedFetch(({ url }) =>
      url.pathname.endsWith(`/admin/programmes/${programme.id}/report`) && fail ? json({ error: { code: 'internal', message: 'boom', requestId: 'r2' } }, 500) : undefined,
    );
    const el = await renderAdmin({ tab: 'programmes', fetch });
    await openProgramme(el, programme.id);
    const error = $(el, '[part="report"] [part="error"]')!;
    expect(textOf(error)).to.equal('The report could not be loaded. The mentoring service had a problem on its side. Retry');
    expect($(el, '[part="matching"]'), 'mentee-choice: no matching').to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn(error, 'Retry').click();
    await settled(el);
    expect($(el, '[part="report"] [part="numbers"]')).to.exist;
  });
});
