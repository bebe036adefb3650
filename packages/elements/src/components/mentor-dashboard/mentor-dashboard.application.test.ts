import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/mentor-dashboard.js';
import type { MentorApplication, MentorApplicationInput } from '@mentorkit/contract';
import type { MentorDashboard } from './mentor-dashboard.component.js';
import { $, $$, buttonIn, freshPeople, type FreshPerson } from '../../test-support/api-fixture.js';
import { text, until } from '../shared/dashboard.test-support.js';

const validInput: MentorApplicationInput = {
  expertise: ['Data Engineering', 'Career Changes'],
  yearsOfExperience: 8,
  statement: 'I moved from teaching into data engineering and would like to help others who are making the same jump.',
  links: ['https://example.org/talk'],
};

async function latest(person: FreshPerson): Promise<MentorApplication | null> {
  return (await person.client.mentorApplications.mine()).application;
}

describe('<mentor-dashboard> for someone who is not a mentor', () => {
  // Each test's own copies of the demo people: Grace runs the programme (and decides Maria's
  // application) but has never applied to mentor; Maria applies.
  let grace: FreshPerson;
  let maria: FreshPerson;
  beforeEach(async () => {
    ({ grace, maria } = await freshPeople({ grace: { like: 'admin' }, maria: { like: 'mentee' } }));
  });

  /** Maria's application, submitted and then decided by Grace. */
  async function mariaApplication(target: 'rejected' | 'changes_requested', notes: string): Promise<MentorApplication> {
    const application = await maria.client.mentorApplications.submit(validInput);
    return target === 'rejected' ? grace.client.admin.reject(application.id, notes) : grace.client.admin.requestChanges(application.id, notes);
  }

  async function dashboardAs(person: FreshPerson) {
    const el = await fixture<MentorDashboard>(html`<mentor-dashboard api="/" .token=${person.token}></mentor-dashboard>`);
    await until(el, () => el.dashboard.mode === 'applicant' || el.dashboard.mode === 'error', 'the dashboard did not load');
    return el;
  }
  const focused = (el: MentorDashboard) => el.shadowRoot!.activeElement;
  const field = <E extends HTMLElement = HTMLInputElement>(el: MentorDashboard, id: string) => $<E>(el, `#${id}`)!;
  const errorOf = (el: MentorDashboard, id: string) => {
    const describedBy = field(el, id).getAttribute('aria-describedby') ?? '';
    return describedBy.split(' ').map((ref) => $(el, `#${ref}.field-error`)).find(Boolean);
  };
  const type = async (el: MentorDashboard, id: string, value: string) => {
    const input = field<HTMLInputElement | HTMLTextAreaElement>(el, id);
    input.value = value;
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
  };
  const chips = (el: MentorDashboard) => $$(el, '[part="form"] .chip-text').map((c) => text(c));

  it('shows the application form to someone who never applied', async () => {
    // Grace runs the programme but has never applied to mentor.
    const el = await dashboardAs(grace);
    expect(text($(el, '#application-title'))).to.equal('Become a mentor');
    expect($(el, '[part~="application-status"]')).to.equal(null);
    expect(text($(el, '#form-title'))).to.equal('Apply to mentor');
    for (const id of ['expertise-input', 'years', 'statement', 'links']) {
      expect(el.shadowRoot!.querySelector(`label[for="${id}"]`), `label for ${id}`).to.exist;
    }
    expect(text($(el, '[part~="submit-button"]'))).to.equal('Submit application');
    await expect(el).to.be.accessible();
  });

  it('builds the expertise chips by keyboard', async () => {
    const el = await dashboardAs(grace);
    field(el, 'expertise-input').focus();
    await sendKeys({ type: 'Data Engineering' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Mentoring,' });
    await sendKeys({ type: ' data engineering' });
    await sendKeys({ press: 'Enter' });
    expect(chips(el)).to.deep.equal(['Data Engineering', 'Mentoring']);
    expect(text($(el, '[part="announcer"]'))).to.equal('data engineering is already in your list.');
    expect(field(el, 'expertise-input').value).to.equal('');

    const remove = $<HTMLButtonElement>(el, '[part~="chip-remove"]')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove Data Engineering');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Mentoring']);
    expect(focused(el), 'focus goes back to the text box').to.equal(field(el, 'expertise-input'));
    expect(el.dashboard.mode, 'Enter never submitted the form').to.equal('applicant');
    expect(await latest(grace)).to.equal(null);
  });

  it('shows the API’s validation problems beside each field, and sends nothing', async () => {
    const el = await dashboardAs(grace);
    buttonIn(el.shadowRoot!, 'Submit application').click();
    await until(el, () => errorOf(el, 'statement'), 'no problems were shown');
    expect(text(errorOf(el, 'expertise-input'))).to.equal('Name at least one area of expertise');
    expect(text(errorOf(el, 'years'))).to.equal('Enter a whole number.');
    expect(text(errorOf(el, 'statement'))).to.equal('Write at least 50 characters.');
    expect(errorOf(el, 'links')).to.equal(undefined);
    for (const id of ['expertise-input', 'years', 'statement']) expect(field(el, id).getAttribute('aria-invalid'), id).to.equal('true');
    expect(focused(el), 'focus on the first field to fix').to.equal(field(el, 'expertise-input'));
    expect(text($(el, '[part="announcer"]'))).to.equal('Your application needs changes in 3 fields.');
    await expect(el).to.be.accessible();

    await type(el, 'expertise-input', 'Operations');
    await type(el, 'years', '71');
    await type(el, 'statement', 'Short.');
    await type(el, 'links', 'https://example.org/ok\njavascript:alert(1)');
    expect(text($(el, '#statement-counter'))).to.equal('6 / 4,000 characters (at least 50)');
    buttonIn(el.shadowRoot!, 'Submit application').click();
    await until(el, () => errorOf(el, 'links'), 'no link problem was shown');
    expect(chips(el), 'typed text became a chip on submit').to.deep.equal(['Operations']);
    expect(errorOf(el, 'expertise-input')).to.equal(undefined);
    expect(field(el, 'expertise-input').getAttribute('aria-invalid')).to.equal('false');
    expect(text(errorOf(el, 'years'))).to.equal('Enter 70 or less.');
    expect(text(errorOf(el, 'links'))).to.equal('Link 2: Enter a full web address starting with https://');
    expect(focused(el)).to.equal(field(el, 'years'));
    expect(await latest(grace)).to.equal(null);
  });

  it('shows a rejection with the notes, and applies again with the form filled in', async () => {
    const rejected = await mariaApplication('rejected', 'Please apply again once you have graduated.');
    const el = await dashboardAs(maria);
    const status = $(el, '[part~="application-status"]')!;
    expect(text(status.querySelector('[part~="status-badge"]'))).to.equal('Not approved');
    expect(text(status)).to.contain('Please apply again once you have graduated.');
    expect($(el, '[part="form"]'), 'the form waits for "Apply again"').to.equal(null);
    await expect(el).to.be.accessible();

    buttonIn(status, 'Apply again').click();
    await el.updateComplete;
    expect(focused(el)).to.equal(field(el, 'expertise-input'));
    expect(chips(el)).to.deep.equal(rejected.expertise);
    expect(field(el, 'years').value).to.equal(String(rejected.yearsOfExperience));
    await type(el, 'years', '9');

    const submitted = oneEvent(el, 'mentor-application-submitted');
    buttonIn(el.shadowRoot!, 'Submit application').click();
    const event = await submitted;
    expect(event.detail.resubmitted).to.equal(false);
    expect(event.detail.application).to.include({ status: 'pending', yearsOfExperience: 9 });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(text($(el, '[part~="application-status"] [part~="status-badge"]'))).to.equal('In review');
    expect($(el, '[part="form"]')).to.equal(null);
    expect(focused(el)).to.equal($(el, '#application-title'));
    expect(text($(el, '[part="announcer"]'))).to.equal('Your application was sent for review.');
    expect((await latest(maria))!.id).to.equal(event.detail.application.id);
    await expect(el).to.be.accessible();
  });

  it('resubmits after changes were requested, starting from what was sent, by keyboard', async () => {
    const asked = await mariaApplication('changes_requested', 'Please add a link to one of your talks.');
    const el = await dashboardAs(maria);
    const status = $(el, '[part~="application-status"]')!;
    expect(text(status.querySelector('[part~="status-badge"]'))).to.equal('Changes requested');
    expect(text(status)).to.contain('Please add a link to one of your talks.');
    expect(text($(el, '#form-title'))).to.equal('Update your application');
    expect(chips(el)).to.deep.equal(asked.expertise);
    expect(field<HTMLTextAreaElement>(el, 'statement').value).to.equal(asked.statement);
    await expect(el).to.be.accessible();

    field(el, 'links').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'https://example.org/talks/scaling-pipelines' });
    const submit = buttonIn(el.shadowRoot!, 'Resubmit application');
    submit.focus();
    const submitted = oneEvent(el, 'mentor-application-submitted');
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(event.detail.resubmitted).to.equal(true);
    expect(event.detail.application.id).to.equal(asked.id);
    expect(event.detail.application.links).to.deep.equal([...asked.links, 'https://example.org/talks/scaling-pipelines']);
    await el.updateComplete;
    expect(text($(el, '[part~="application-status"] [part~="status-badge"]'))).to.equal('In review');
    expect(text($(el, '[part="announcer"]'))).to.equal('Your application was sent again for review.');
  });
});
