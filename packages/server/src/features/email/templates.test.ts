import { describe, expect, it } from 'vitest';
import { renderCalendar } from '../calendar/ics.js';
import { escapeHtml, oneLine, render } from './render.js';
import { strings } from './strings.js';
import { portalLink, renderMail, type MailContext, type MailTemplate, type MeetingData, type TemplateData } from './templates.js';

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes' "double"`;
const ctx = (language: 'en' | 'fil' = 'en'): MailContext => ({
  language,
  recipientName: `Ana ${EVIL}`,
  timeZone: 'Asia/Manila',
  portalUrl: 'https://alumni.example.edu/mentoring',
  unsubscribeUrl: 'https://api.example.edu/api/v1/unsubscribe?token=v1.abc',
});

const meeting: MeetingData = {
  meetingId: '00000000-0000-4000-8000-000000000001', mentorshipId: '00000000-0000-4000-8000-000000000002',
  title: `Kick-off ${EVIL}`, startsAt: '2026-12-01T10:00:00.000Z', previousStartsAt: '2026-11-30T10:00:00.000Z', durationMinutes: 90,
  location: `Room ${EVIL}`, videoUrl: 'https://meet.example.edu/k', byName: `Maria ${EVIL}`, reason: `Sick ${EVIL}`, rescheduled: true,
  role: 'mentor', ics: renderCalendar({ stamp: new Date(), method: 'REQUEST', events: [] }), icsMethod: 'REQUEST',
};

/** Every template with user text in every field it shows. */
const samples: { [T in MailTemplate]: TemplateData[T] } = {
  'request.received': { requestId: 'r1', menteeName: `Maria ${EVIL}`, goals: `Goals ${EVIL}\nline two`, message: `Msg ${EVIL}`, skills: [`SQL ${EVIL}`], expiresAt: '2026-12-12T09:00:00.000Z' },
  'request.accepted': { requestId: 'r1', mentorshipId: 'm1', mentorName: `Ana ${EVIL}` },
  'request.declined': { requestId: 'r1', mentorName: `Ana ${EVIL}`, reason: 'not_enough_time', message: `Sorry ${EVIL}` },
  'request.reminder': { requestId: 'r1', menteeName: `Maria ${EVIL}`, expiresAt: '2026-12-12T09:00:00.000Z' },
  'meeting.scheduled': meeting,
  'meeting.updated': meeting,
  'meeting.cancelled': { ...meeting, icsMethod: 'CANCEL' },
  'application.approved': { applicationId: 'a1', notes: `Welcome ${EVIL}` },
  'application.rejected': { applicationId: 'a1', notes: `No ${EVIL}` },
  'application.changes_requested': { applicationId: 'a1', notes: `Fix ${EVIL}` },
  'messages.digest': { day: '2026-11-28', conversations: [{ mentorshipId: 'm1', otherName: `Maria ${EVIL}`, unread: 3 }] },
  'programme.enrolled': {
    programmeId: 'p1', programmeName: `Data careers ${EVIL}`, programmeSlug: 'data-careers-2027', role: 'mentee', matching: 'mentee_choice',
    startsOn: '2027-01-11', endsOn: '2027-04-30',
  },
  'programme.introduced': {
    programmeId: 'p1', programmeName: `Leadership circle ${EVIL}`, requestId: 'r1', mentorName: `Ana ${EVIL}`, score: 72,
    reasons: [`Shares 2 of your skills: SQL, Python ${EVIL}`, 'Same time zone as you'], expiresAt: '2026-12-12T09:00:00.000Z',
  },
};
const kindOf = (t: MailTemplate) =>
  t.startsWith('request.received') ? 'request_received' : t === 'request.reminder' ? 'request_reminder' : t.startsWith('request.') ? 'request_answered'
    : t.startsWith('meeting.') ? 'meeting_updates' : t.startsWith('application.') ? 'application_decided'
      : t.startsWith('programme.') ? 'programme_updates' : 'message_digest';

describe('mail templates', () => {
  for (const language of ['en', 'fil'] as const) {
    for (const template of Object.keys(samples) as MailTemplate[]) {
      it(`${template} (${language}) escapes every user string in HTML and keeps it readable in text`, () => {
        const mail = renderMail(kindOf(template), template, samples[template] as unknown as Record<string, unknown>, ctx(language));
        expect(mail.html).not.toContain('<script');
        expect(mail.html).not.toContain('<img');
        expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        expect(mail.html).toContain('&#39;quotes&#39;');
        // The plain-text part carries the same words, unescaped.
        expect(mail.text).toContain(EVIL);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        // Both parts carry the unsubscribe link and come from the same localized words.
        expect(mail.text).toContain(ctx().unsubscribeUrl);
        expect(mail.html).toContain(escapeHtml(ctx().unsubscribeUrl));
        expect(mail.text).toContain(strings[language].unsubscribe);
        expect(mail.html).toContain(`<html lang="${language}">`);
      });
    }
  }

  it('words a rescheduled meeting in the reader\'s time zone, with the old time', () => {
    const mail = renderMail('meeting_updates', 'meeting.updated', samples['meeting.updated'] as unknown as Record<string, unknown>, ctx());
    expect(mail.subject).toBe(`Meeting moved: Kick-off ${EVIL}`);
    expect(mail.text).toContain('6:00'); // 10:00 UTC in Manila
    expect(mail.text).toContain('Previously:');
    expect(mail.text).toContain('1 h 30 min');
  });

  it('writes Filipino from the same template', () => {
    const mail = renderMail('request_received', 'request.received', samples['request.received'] as unknown as Record<string, unknown>, ctx('fil'));
    expect(mail.subject).toBe(`Hiniling ni Maria ${EVIL} na maging mentor ka niya`);
    expect(mail.text).toContain('Buksan ang kahilingan: https://alumni.example.edu/mentoring?request=r1#mentor-dashboard');
    expect(mail.text).toContain('Disyembre');
  });

  it('confirms an enrolment with the programme\'s name, role and dates, and what to do next', () => {
    const enrolled = samples['programme.enrolled'];
    const mentee = renderMail('programme_updates', 'programme.enrolled', { ...enrolled }, ctx());
    expect(mentee.subject).toBe(`You are enrolled in Data careers ${EVIL}`);
    expect(mentee.text).toContain('Your role: Mentee');
    // Calendar dates stay the dates they are, whatever the reader's time zone.
    expect(mentee.text).toContain('Dates: January 11, 2027 to April 30, 2027');
    expect(renderMail('programme_updates', 'programme.enrolled', { ...enrolled }, { ...ctx(), timeZone: 'America/Los_Angeles' }).text)
      .toContain('Dates: January 11, 2027 to April 30, 2027');
    expect(mentee.text).toContain('send a request to the one whose experience fits your goals');
    expect(mentee.text).toContain('Find a mentor in the programme: https://alumni.example.edu/mentoring?programme=data-careers-2027#find');
    expect(mentee.text).toContain('"programme enrolments and introductions" emails are on');

    const matched = renderMail('programme_updates', 'programme.enrolled', { ...enrolled, matching: 'admin_matched' }, ctx());
    expect(matched.text).toContain('The programme team will introduce you to a mentor');
    expect(matched.text).toContain('Open the programme: https://alumni.example.edu/mentoring?programme=data-careers-2027#my-mentoring');
    const mentor = renderMail('programme_updates', 'programme.enrolled', { ...enrolled, role: 'mentor' }, ctx());
    expect(mentor.text).toContain(`Thank you for joining Data careers ${EVIL} as a mentor.`);
    expect(mentor.text).toContain('Your role: Mentor');
    expect(mentor.text).toContain('Open the programme: https://alumni.example.edu/mentoring?programme=data-careers-2027#mentor-dashboard');

    const fil = renderMail('programme_updates', 'programme.enrolled', { ...enrolled }, ctx('fil'));
    expect(fil.subject).toBe(`Nakatala ka na sa Data careers ${EVIL}`);
    expect(fil.text).toContain('Mga petsa: Enero 11, 2027 hanggang Abril 30, 2027');
    expect(fil.text).toContain('Maghanap ng mentor sa programa: https://alumni.example.edu/mentoring?programme=data-careers-2027#find');
  });

  it('introduces a mentor with the match\'s score and reasons, linking to the request made on the mentee\'s behalf', () => {
    const data = { ...samples['programme.introduced'], programmeName: 'Leadership Circle', mentorName: 'Ana Villanueva', reasons: ['Shares 2 of your skills: SQL, Python', 'Same time zone as you'] };
    const mail = renderMail('programme_updates', 'programme.introduced', data, ctx());
    expect(mail.subject).toBe('Leadership Circle: meet your mentor, Ana Villanueva');
    expect(mail.text).toContain('The Leadership Circle team matched you with Ana Villanueva and sent them a mentorship request on your behalf.');
    expect(mail.text).toContain('Match score: 72/100');
    expect(mail.text).toContain('Why this match:\n> • Shares 2 of your skills: SQL, Python\n> • Same time zone as you');
    expect(mail.html).toContain('• Shares 2 of your skills: SQL, Python<br>• Same time zone as you');
    expect(mail.text).toContain('the request expires on December 12, 2026');
    expect(mail.text).toContain('Open the request: https://alumni.example.edu/mentoring?request=r1#my-mentoring');
    // No reasons (a score from capacity alone): no empty quote.
    expect(renderMail('programme_updates', 'programme.introduced', { ...data, reasons: [] }, ctx()).text).not.toContain('Why this match');

    const fil = renderMail('programme_updates', 'programme.introduced', data, ctx('fil'));
    expect(fil.subject).toBe('Leadership Circle: kilalanin ang iyong mentor na si Ana Villanueva');
    expect(fil.text).toContain('Itinugma ka ng programme team ng Leadership Circle kay Ana Villanueva');
    expect(fil.text).toContain('Bakit kayo itinugma:');
    expect(fil.text).toContain('Buksan ang kahilingan: https://alumni.example.edu/mentoring?request=r1#my-mentoring');
  });

  it('links into the portal with the id in the query and the view in the fragment', () => {
    expect(portalLink('https://alumni.example.edu/mentoring?x=1', 'my-mentoring', { mentorship: 'm 1' }))
      .toBe('https://alumni.example.edu/mentoring?x=1&mentorship=m+1#my-mentoring');
  });

  it('never puts a non-http link in an href, and keeps header values on one line', () => {
    const { html } = render({
      subject: 'S', heading: 'H', blocks: [{ type: 'button', label: 'Go', href: 'javascript:alert(1)' }],
      footer: { reason: 'r', unsubscribeLabel: 'u', unsubscribeUrl: 'https://x.example/u', settingsLabel: 's', settingsUrl: 'data:text/html,hi' },
    }, 'en');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:text');
    expect(oneLine('Hello\r\nBcc: victim@example.com')).toBe('Hello Bcc: victim@example.com');
  });
});
