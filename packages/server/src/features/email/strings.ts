import type { MailKind, MailLanguage } from '@mentorkit/contract';

/**
 * Every word of every mail, per language. Both languages implement one interface, so a string
 * missing from a translation fails the build. Names and other user text are passed in as
 * arguments and escaped by the renderer, never here.
 */
export interface Strings {
  kind: Record<MailKind, string>;
  greeting(name: string): string;
  footerReason(kind: string): string;
  unsubscribe: string;
  settings: string;
  when: string;
  duration(minutes: number): string;
  where: string;
  video: string;
  requestReceived: { subject(mentee: string): string; intro(mentee: string): string; goals: string; message: string; skills: string; expires(at: string): string; button: string };
  requestAccepted: { subject(mentor: string): string; intro(mentor: string): string; button: string };
  requestDeclined: { subject(mentor: string): string; intro(mentor: string): string; reason: string; message: string; reasons: Record<string, string>; button: string };
  requestReminder: { subject(mentee: string): string; intro(mentee: string, expires: string): string; button: string };
  meetingScheduled: { subject(title: string): string; intro(by: string): string; attached: string; button: string };
  meetingUpdated: { subject(title: string): string; subjectMoved(title: string): string; intro(by: string): string; introMoved(by: string): string; previously: string; attached: string; button: string };
  meetingCancelled: { subject(title: string): string; intro(by: string): string; reason: string; attached: string; button: string };
  applicationApproved: { subject: string; intro: string; button: string };
  applicationRejected: { subject: string; intro: string; button: string };
  applicationChanges: { subject: string; intro: string; button: string };
  notes: string;
  digest: { subject(count: number): string; intro(count: number): string; line(name: string, count: number): string; button: string };
  programmeEnrolled: {
    subject(programme: string): string; introMentee(programme: string): string; introMentor(programme: string): string;
    role: string; roles: Record<'mentor' | 'mentee', string>; dates: string; range(from: string, to: string): string;
    /** What comes next, by how the programme matches people and the person's role in it. */
    next: Record<'menteeChoice' | 'adminMatched', Record<'mentor' | 'mentee', string>>;
    findButton: string; openButton: string;
  };
  programmeIntroduced: { subject(mentor: string, programme: string): string; intro(mentor: string, programme: string): string; score: string; why: string; next(mentor: string, expires: string): string; button: string };
}

const en: Strings = {
  kind: {
    request_received: 'new mentorship requests',
    request_answered: 'answers to your requests',
    request_reminder: 'reminders of waiting requests',
    meeting_updates: 'meeting invitations and changes',
    application_decided: 'mentor application decisions',
    message_digest: 'daily digest of unread messages',
    programme_updates: 'programme enrolments and introductions',
  },
  greeting: (name) => `Hi ${name},`,
  footerReason: (kind) => `You get this email because "${kind}" emails are on in your mentoring settings.`,
  unsubscribe: 'Unsubscribe from these emails',
  settings: 'Email settings',
  when: 'When',
  duration: (m) => (m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`),
  where: 'Where',
  video: 'Video link',
  requestReceived: {
    subject: (mentee) => `${mentee} asked you to be their mentor`,
    intro: (mentee) => `${mentee} would like you to mentor them. Please accept or decline so they can plan their next step.`,
    goals: 'Their goals',
    message: 'Their message',
    skills: 'Skills they want to build',
    expires: (at) => `The request expires on ${at} if it is not answered.`,
    button: 'Open the request',
  },
  requestAccepted: {
    subject: (mentor) => `${mentor} accepted your mentorship request`,
    intro: (mentor) => `Good news: ${mentor} accepted your request. Your mentorship has started; say hello and plan your first meeting.`,
    button: 'Open your mentorship',
  },
  requestDeclined: {
    subject: (mentor) => `${mentor} could not take your request`,
    intro: (mentor) => `${mentor} is not able to mentor you right now. Many mentors are available: try another whose experience fits your goals.`,
    reason: 'Reason',
    message: 'Their note',
    reasons: {
      not_enough_time: 'Not enough time at the moment',
      expertise_mismatch: 'Their expertise does not match your goals',
      better_fit_elsewhere: 'Another mentor would be a better fit',
      mentor_unavailable: 'No longer available as a mentor',
      other: 'Other',
    },
    button: 'Find another mentor',
  },
  requestReminder: {
    subject: (mentee) => `${mentee} is still waiting for your answer`,
    intro: (mentee, expires) => `${mentee}'s mentorship request is still waiting. It expires on ${expires}; accepting or declining takes a minute.`,
    button: 'Answer the request',
  },
  meetingScheduled: {
    subject: (title) => `Meeting scheduled: ${title}`,
    intro: (by) => `${by} scheduled a mentorship meeting with you.`,
    attached: 'The calendar invitation is attached.',
    button: 'Open the meeting',
  },
  meetingUpdated: {
    subject: (title) => `Meeting changed: ${title}`,
    subjectMoved: (title) => `Meeting moved: ${title}`,
    intro: (by) => `${by} changed the details of your meeting.`,
    introMoved: (by) => `${by} moved your meeting to a new time.`,
    previously: 'Previously',
    attached: 'The updated calendar invitation is attached.',
    button: 'Open the meeting',
  },
  meetingCancelled: {
    subject: (title) => `Meeting cancelled: ${title}`,
    intro: (by) => `${by} cancelled this meeting.`,
    reason: 'Reason',
    attached: 'The attached cancellation removes it from your calendar.',
    button: 'Open your mentorship',
  },
  applicationApproved: {
    subject: 'You are now a mentor',
    intro: 'Your mentor application was approved. Alumni can now find you and ask for mentorship; you can set your capacity and availability at any time.',
    button: 'Open your mentor dashboard',
  },
  applicationRejected: {
    subject: 'Your mentor application',
    intro: 'Thank you for offering to mentor. The programme team could not approve your application this time; you are welcome to apply again later.',
    button: 'Open the mentoring page',
  },
  applicationChanges: {
    subject: 'Your mentor application needs a few changes',
    intro: 'The programme team looked at your mentor application and asks for a few changes before approving it.',
    button: 'Update your application',
  },
  notes: 'Notes from the programme team',
  digest: {
    subject: (n) => (n === 1 ? 'You have 1 unread message' : `You have ${n} unread messages`),
    intro: (n) => (n === 1 ? 'A message is waiting for you:' : `${n} messages are waiting for you:`),
    line: (name, n) => (n === 1 ? `${name}: 1 new message` : `${name}: ${n} new messages`),
    button: 'Read your messages',
  },
  programmeEnrolled: {
    subject: (programme) => `You are enrolled in ${programme}`,
    introMentee: (programme) => `Welcome to ${programme}: you are enrolled as a mentee.`,
    introMentor: (programme) => `Thank you for joining ${programme} as a mentor.`,
    role: 'Your role',
    roles: { mentor: 'Mentor', mentee: 'Mentee' },
    dates: 'Dates',
    range: (from, to) => `${from} to ${to}`,
    next: {
      menteeChoice: {
        mentee: 'Browse the mentors of the programme and send a request to the one whose experience fits your goals.',
        mentor: 'Mentees of the programme can now find you and ask for mentorship; their requests reach your mentor dashboard as usual.',
      },
      adminMatched: {
        mentee: 'The programme team will introduce you to a mentor who fits your goals; you will get an email when they do.',
        mentor: 'The programme team will introduce mentees to you; their requests reach your mentor dashboard as usual.',
      },
    },
    findButton: 'Find a mentor in the programme',
    openButton: 'Open the programme',
  },
  programmeIntroduced: {
    subject: (mentor, programme) => `${programme}: meet your mentor, ${mentor}`,
    intro: (mentor, programme) => `The ${programme} team matched you with ${mentor} and sent them a mentorship request on your behalf.`,
    score: 'Match score',
    why: 'Why this match',
    next: (mentor, expires) => `${mentor} will accept or decline it; the request expires on ${expires} if it is not answered. You can read it, or withdraw it, in the portal.`,
    button: 'Open the request',
  },
};

const fil: Strings = {
  kind: {
    request_received: 'mga bagong kahilingan sa mentorship',
    request_answered: 'mga sagot sa iyong mga kahilingan',
    request_reminder: 'mga paalala tungkol sa naghihintay na kahilingan',
    meeting_updates: 'mga imbitasyon at pagbabago sa pulong',
    application_decided: 'mga pasya sa aplikasyon bilang mentor',
    message_digest: 'araw-araw na buod ng mga hindi pa nababasang mensahe',
    programme_updates: 'mga pagpapatala at pagpapakilala sa programa',
  },
  greeting: (name) => `Kumusta, ${name}!`,
  footerReason: (kind) => `Natanggap mo ang email na ito dahil naka-on ang mga email na "${kind}" sa iyong mga setting sa mentoring.`,
  unsubscribe: 'Huwag nang padalhan ng ganitong email',
  settings: 'Mga setting ng email',
  when: 'Kailan',
  duration: (m) => (m % 60 === 0 ? `${m / 60} oras` : m > 60 ? `${Math.floor(m / 60)} oras at ${m % 60} minuto` : `${m} minuto`),
  where: 'Saan',
  video: 'Link ng video',
  requestReceived: {
    subject: (mentee) => `Hiniling ni ${mentee} na maging mentor ka niya`,
    intro: (mentee) => `Nais ni ${mentee} na ikaw ang maging mentor niya. Pakitanggap o pakitanggihan ito para makapagplano siya ng susunod na hakbang.`,
    goals: 'Ang kanyang mga layunin',
    message: 'Ang kanyang mensahe',
    skills: 'Mga kasanayang nais niyang mapaunlad',
    expires: (at) => `Mag-e-expire ang kahilingan sa ${at} kung hindi ito masasagot.`,
    button: 'Buksan ang kahilingan',
  },
  requestAccepted: {
    subject: (mentor) => `Tinanggap ni ${mentor} ang iyong kahilingan`,
    intro: (mentor) => `Magandang balita: tinanggap ni ${mentor} ang iyong kahilingan. Nagsimula na ang inyong mentorship; bumati at magplano ng unang pulong.`,
    button: 'Buksan ang iyong mentorship',
  },
  requestDeclined: {
    subject: (mentor) => `Hindi matanggap ni ${mentor} ang iyong kahilingan`,
    intro: (mentor) => `Hindi ka pa kayang i-mentor ni ${mentor} sa ngayon. Marami pang mentor ang available: subukan ang iba na akma sa iyong mga layunin.`,
    reason: 'Dahilan',
    message: 'Ang kanyang paalala',
    reasons: {
      not_enough_time: 'Kulang sa oras sa ngayon',
      expertise_mismatch: 'Hindi tugma ang kanyang kadalubhasaan sa iyong mga layunin',
      better_fit_elsewhere: 'Mas akma ang ibang mentor',
      mentor_unavailable: 'Hindi na available bilang mentor',
      other: 'Iba pa',
    },
    button: 'Maghanap ng ibang mentor',
  },
  requestReminder: {
    subject: (mentee) => `Naghihintay pa rin si ${mentee} ng iyong sagot`,
    intro: (mentee, expires) => `Naghihintay pa rin ang kahilingan ni ${mentee}. Mag-e-expire ito sa ${expires}; isang minuto lang ang pagtanggap o pagtanggi.`,
    button: 'Sagutin ang kahilingan',
  },
  meetingScheduled: {
    subject: (title) => `Naiskedyul ang pulong: ${title}`,
    intro: (by) => `Nag-iskedyul si ${by} ng pulong para sa inyong mentorship.`,
    attached: 'Nakalakip ang imbitasyon sa kalendaryo.',
    button: 'Buksan ang pulong',
  },
  meetingUpdated: {
    subject: (title) => `Binago ang pulong: ${title}`,
    subjectMoved: (title) => `Inilipat ang pulong: ${title}`,
    intro: (by) => `Binago ni ${by} ang mga detalye ng inyong pulong.`,
    introMoved: (by) => `Inilipat ni ${by} ang inyong pulong sa bagong oras.`,
    previously: 'Dati',
    attached: 'Nakalakip ang binagong imbitasyon sa kalendaryo.',
    button: 'Buksan ang pulong',
  },
  meetingCancelled: {
    subject: (title) => `Kinansela ang pulong: ${title}`,
    intro: (by) => `Kinansela ni ${by} ang pulong na ito.`,
    reason: 'Dahilan',
    attached: 'Tinatanggal ito sa iyong kalendaryo ng nakalakip na pagkansela.',
    button: 'Buksan ang iyong mentorship',
  },
  applicationApproved: {
    subject: 'Mentor ka na',
    intro: 'Naaprubahan ang iyong aplikasyon bilang mentor. Mahahanap ka na ng mga alumni at maaari ka na nilang hilingang maging mentor; maaari mong itakda ang iyong kapasidad at availability anumang oras.',
    button: 'Buksan ang iyong mentor dashboard',
  },
  applicationRejected: {
    subject: 'Ang iyong aplikasyon bilang mentor',
    intro: 'Salamat sa iyong alok na maging mentor. Hindi maaprubahan ng programme team ang iyong aplikasyon sa ngayon; malugod kang mag-apply muli sa ibang pagkakataon.',
    button: 'Buksan ang pahina ng mentoring',
  },
  applicationChanges: {
    subject: 'May ilang babaguhin sa iyong aplikasyon bilang mentor',
    intro: 'Sinuri ng programme team ang iyong aplikasyon at humihiling ng ilang pagbabago bago ito aprubahan.',
    button: 'I-update ang iyong aplikasyon',
  },
  notes: 'Mga tala mula sa programme team',
  digest: {
    subject: (n) => (n === 1 ? 'May 1 mensahe kang hindi pa nababasa' : `May ${n} mensahe kang hindi pa nababasa`),
    intro: (n) => (n === 1 ? 'May mensaheng naghihintay sa iyo:' : `May ${n} mensaheng naghihintay sa iyo:`),
    line: (name, n) => (n === 1 ? `${name}: 1 bagong mensahe` : `${name}: ${n} bagong mensahe`),
    button: 'Basahin ang iyong mga mensahe',
  },
  programmeEnrolled: {
    subject: (programme) => `Nakatala ka na sa ${programme}`,
    introMentee: (programme) => `Maligayang pagdating sa ${programme}: nakatala ka na bilang mentee.`,
    introMentor: (programme) => `Salamat sa pagsali mo bilang mentor sa ${programme}.`,
    role: 'Ang iyong papel',
    roles: { mentor: 'Mentor', mentee: 'Mentee' },
    dates: 'Mga petsa',
    range: (from, to) => `${from} hanggang ${to}`,
    next: {
      menteeChoice: {
        mentee: 'Tingnan ang mga mentor ng programa at magpadala ng kahilingan sa mentor na ang karanasan ay akma sa iyong mga layunin.',
        mentor: 'Mahahanap ka na ng mga mentee ng programa at maaari ka na nilang hilingang maging mentor; darating ang kanilang mga kahilingan sa iyong mentor dashboard gaya ng dati.',
      },
      adminMatched: {
        mentee: 'Ipakikilala ka ng programme team sa isang mentor na akma sa iyong mga layunin; makatatanggap ka ng email kapag nagawa na nila ito.',
        mentor: 'Ipakikilala sa iyo ng programme team ang mga mentee; darating ang kanilang mga kahilingan sa iyong mentor dashboard gaya ng dati.',
      },
    },
    findButton: 'Maghanap ng mentor sa programa',
    openButton: 'Buksan ang programa',
  },
  programmeIntroduced: {
    subject: (mentor, programme) => `${programme}: kilalanin ang iyong mentor na si ${mentor}`,
    intro: (mentor, programme) => `Itinugma ka ng programme team ng ${programme} kay ${mentor} at nagpadala sila ng kahilingan sa mentorship sa kanya para sa iyo.`,
    score: 'Iskor ng pagtutugma',
    why: 'Bakit kayo itinugma',
    next: (mentor, expires) => `Tatanggapin o tatanggihan ito ni ${mentor}; mag-e-expire ang kahilingan sa ${expires} kung hindi ito masasagot. Maaari mo itong basahin, o bawiin, sa portal.`,
    button: 'Buksan ang kahilingan',
  },
};

export const strings: Record<MailLanguage, Strings> = { en, fil };

/** Dates as the reader expects them: their language, their time zone (named, so nobody guesses). */
export function formatWhen(iso: string, language: MailLanguage, timeZone: string | null): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit',
    timeZone: timeZone ?? 'UTC', timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(language, options).format(at);
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(at);
  }
}

export function formatDay(iso: string, language: MailLanguage, timeZone: string | null): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: timeZone ?? 'UTC' }).format(at);
  } catch {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(at);
  }
}
