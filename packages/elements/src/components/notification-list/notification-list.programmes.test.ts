import { expect, fixture, html } from '@open-wc/testing';
import '../../define/notification-list.js';
import { freshPeople } from '../../test-support/api-fixture.js';
import { $, $$, FakeRealtime, text, until } from '../message-thread/message-thread.test-support.js';
import { freshAdmin, newProgramme } from '../shared/programmes.test-support.js';
import type { NotificationList } from './notification-list.component.js';
import { notificationText } from './notification-text.js';

const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()] as const;

describe('notificationText for programmes', () => {
  it('words an enrolment by its role', () => {
    const data = { programmeId: ids[0], programmeName: 'Data careers 2027', programmeSlug: 'data-careers-2027', startsOn: '2027-01-11', endsOn: '2027-04-30' };
    expect(notificationText({ kind: 'programme.enrolled', data: { ...data, role: 'mentee' } })).to.equal('You enrolled in Data careers 2027 as a mentee');
    expect(notificationText({ kind: 'programme.enrolled', data: { ...data, role: 'mentor' } })).to.equal('You enrolled in Data careers 2027 as a mentor');
    expect(notificationText({ kind: 'programme.enrolled', data: { ...data, programmeName: ' ', role: 'mentee' } })).to.equal('You enrolled in a programme as a mentee');
  });

  it('words an introduction with the programme and the mentor', () => {
    const data = { programmeId: ids[0], programmeName: 'Data careers 2027', requestId: ids[1], mentorId: ids[2], mentorName: 'Ana Villanueva', score: 72, reasons: ['Shares your skill: SQL'] };
    expect(notificationText({ kind: 'programme.introduced', data })).to.equal('Data careers 2027 introduced you to Ana Villanueva');
    expect(notificationText({ kind: 'programme.introduced', data: { ...data, programmeName: '', mentorName: '' } })).to.equal('Your programme introduced you to Your mentor');
  });
});

describe('<notification-list> with programme notices', () => {
  it('lists the enrolment and the introduction the server sent, worded', async () => {
    const admin = await freshAdmin();
    const { maria, rahul } = await freshPeople({ maria: { like: 'mentee' }, rahul: { like: 'mentor2' } });
    const p = await newProgramme(admin, { matching: 'admin_matched' });
    await maria.client.programmes.enrol(p.id, { role: 'mentee' });
    await rahul.client.programmes.enrol(p.id, { role: 'mentor' });
    await admin.client.admin.programmes.confirmMatches(p.id, { pairs: [{ menteeId: maria.id, mentorId: rahul.id }] });

    const wrapper = await fixture(html`<div style="width: 480px; min-height: 520px; display: flex; justify-content: flex-end">
      <mentorship-provider api="/" .token=${maria.token}><notification-list .realtimeSource=${new FakeRealtime()}></notification-list></mentorship-provider>
    </div>`);
    const el = wrapper.querySelector<NotificationList>('notification-list')!;
    await until(el, () => el.list.status === 'ready', 'the list did not load');
    $<HTMLButtonElement>(el, '[part~="bell-button"]')!.click();
    await until(el, () => el.open, 'the panel did not open');
    const items = $$(el, '[part~="notification"] .item-text').map((i) => text(i));
    expect(items).to.include(`New${p.name} introduced you to ${rahul.name}`);
    expect(items).to.include(`NewYou enrolled in ${p.name} as a mentee`);
    await expect(el).to.be.accessible();
  });
});
