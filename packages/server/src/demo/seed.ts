import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, MentorApplicationsTable, ProfilesTable } from '../db/schema.js';
import {
  generateAlumni,
  insertAlumni,
  insertHistory,
  stableUuid,
  userIdFor,
  type GeneratedMentor,
  type GeneratedProfile,
  type MentorHistoryPlan,
  type WrittenAlumnus,
} from './generator.js';
import { personas } from './personas.js';
import { insertDemoProgrammes } from './programmes.js';

/** The demo's generated population: the same 300 people (60 of them mentors) on every install. */
export const DEMO_SEED = 20_261_128;
export const DEMO_ALUMNI = 300;
export const DEMO_MENTOR_SHARE = 0.2;

const DAY_MS = 86_400_000;

type PersonaKey = keyof typeof personas;

interface PersonaSeed {
  key: PersonaKey;
  isAdmin: boolean;
  /** Account age in days. */
  ageDays: number;
  profile: GeneratedProfile;
  mentor?: Omit<GeneratedMentor, 'approvedAt' | 'applicationCreatedAt'> & { approvedDaysAgo: number };
  history?: MentorHistoryPlan;
}

/**
 * The five personas. Maria's skills, goals, languages, zone and programme overlap with Ana (and
 * less with Rahul and some generated mentors), so her match scores and reasons say something.
 */
const personaSeeds: PersonaSeed[] = [
  {
    key: 'mentee',
    isAdmin: false,
    ageDays: 700,
    profile: {
      headline: 'Data Analyst at Lakeshore Bank · aspiring data engineer',
      bio: 'BS Computer Science graduate of Northbridge University (class of 2019). I build credit-risk dashboards and SQL reports for the retail banking team in Makati, and automate the boring parts with Python.',
      goals: 'I want to move from data analysis into data engineering within two years: building reliable pipelines, not just reports. Longer term I would like to grow into leadership of a small data team, so advice on leadership and on making a career transition inside a bank would help a lot.',
      skills: ['SQL', 'Python', 'Data Analysis', 'Excel', 'Tableau', 'Statistics'],
      industry: 'Financial Services',
      company: 'Lakeshore Bank',
      position: 'Data Analyst',
      location: 'Makati, Philippines',
      timeZone: 'Asia/Manila',
      languages: ['English', 'Filipino'],
      graduationYear: 2019,
      programme: 'BS Computer Science',
      linkedinUrl: 'https://www.linkedin.com/in/maria-santos-demo',
      websiteUrl: null,
    },
  },
  {
    key: 'mentee2',
    isAdmin: false,
    ageDays: 620,
    profile: {
      headline: 'Site Engineer at Volta Ridge Construction',
      bio: 'BS Civil Engineering graduate of Northbridge University (class of 2021), back home in Accra. I supervise reinforced-concrete works on mid-rise residential projects.',
      goals: 'Preparing for civil engineering licensure and hoping to move into construction management. I am also curious about working abroad on large infrastructure projects.',
      skills: ['AutoCAD', 'Structural Analysis', 'Site Supervision', 'Project Management', 'Cost Estimation'],
      industry: 'Construction & Real Estate',
      company: 'Volta Ridge Construction',
      position: 'Site Engineer',
      location: 'Accra, Ghana',
      timeZone: 'Africa/Accra',
      languages: ['English', 'Twi'],
      graduationYear: 2021,
      programme: 'BS Civil Engineering',
      linkedinUrl: null,
      websiteUrl: null,
    },
  },
  {
    key: 'mentor',
    isAdmin: false,
    ageDays: 1500,
    profile: {
      headline: 'Data Engineering Manager at Maharlika Digital',
      bio: 'BS Computer Science graduate of Northbridge University (class of 2008). I started as a SQL report writer at a bank, moved into data engineering, and now lead a team of nine building the data platform at Maharlika Digital in Cebu City.',
      goals: '',
      skills: ['SQL', 'Python', 'Data Engineering', 'Cloud Architecture', 'Leadership', 'Stakeholder Management'],
      industry: 'Technology',
      company: 'Maharlika Digital',
      position: 'Data Engineering Manager',
      location: 'Cebu City, Philippines',
      timeZone: 'Asia/Manila',
      languages: ['English', 'Filipino', 'Cebuano'],
      graduationYear: 2008,
      programme: 'BS Computer Science',
      linkedinUrl: 'https://www.linkedin.com/in/ana-villanueva-demo',
      websiteUrl: null,
    },
    mentor: {
      expertise: ['Data Engineering', 'SQL', 'Python', 'Leadership', 'Career Transitions', 'Cloud Architecture'],
      yearsOfExperience: 17,
      mentoringBio: 'I made the jump from analyst to data engineer myself, so I enjoy helping analysts make the same move: SQL that scales, Python pipelines, cloud basics, and later how to lead a team without losing touch with the work.',
      meetingFormats: ['video', 'chat', 'in_person'],
      capacity: 4,
      acceptingMentees: true,
      awayUntil: null,
      applicationStatement: 'I would like to give back to Northbridge University by mentoring alumni who want to move into data engineering, and first-time team leads.',
      approvedDaysAgo: 420,
    },
    history: { open: 1, completed: 2, declined: 2, pending: 2 },
  },
  {
    key: 'mentor2',
    isAdmin: false,
    ageDays: 1300,
    profile: {
      headline: 'Head of Product Analytics at Northwind Analytics',
      bio: 'MBA graduate of Northbridge University (class of 2012), engineer before that. I lead product analytics and machine-learning experiments for a B2B software company in Bengaluru.',
      goals: '',
      skills: ['Product Management', 'Data Analysis', 'Machine Learning', 'SQL', 'Leadership'],
      industry: 'Technology',
      company: 'Northwind Analytics',
      position: 'Head of Product Analytics',
      location: 'Bengaluru, India',
      timeZone: 'Asia/Kolkata',
      languages: ['English', 'Hindi', 'Tamil'],
      graduationYear: 2012,
      programme: 'MBA',
      linkedinUrl: 'https://www.linkedin.com/in/rahul-iyer-demo',
      websiteUrl: null,
    },
    mentor: {
      expertise: ['Product Management', 'Data Analysis', 'Machine Learning', 'Leadership', 'Interview Preparation'],
      yearsOfExperience: 14,
      mentoringBio: 'Happy to help with product-analytics careers, breaking into machine learning, and interview preparation for product and data roles. I like short, focused sessions with homework in between.',
      meetingFormats: ['video', 'phone'],
      capacity: 3,
      acceptingMentees: true,
      awayUntil: null,
      applicationStatement: 'I mentor product and data people at work and would like to do the same for Northbridge alumni, especially those moving into product roles.',
      approvedDaysAgo: 300,
    },
    history: { open: 0, completed: 1, declined: 1, pending: 1 },
  },
  {
    key: 'admin',
    isAdmin: true,
    ageDays: 2000,
    profile: {
      headline: 'Director of Alumni Relations at Northbridge University',
      bio: 'I run the alumni office at Northbridge University and the mentorship programme with it. Write to me if something in the programme does not work for you.',
      goals: '',
      skills: ['Community Building', 'Event Planning', 'Stakeholder Management', 'Public Speaking'],
      industry: 'Education',
      company: 'Northbridge University',
      position: 'Director of Alumni Relations',
      location: 'Iloilo City, Philippines',
      timeZone: 'Asia/Manila',
      languages: ['English', 'Filipino', 'Hiligaynon', 'Hokkien'],
      graduationYear: 2003,
      programme: 'AB Communication',
      linkedinUrl: null,
      websiteUrl: null,
    },
  },
];

/** Serialises concurrent first starts of several instances on one database. */
const SEED_LOCK = 72_616_611;

/**
 * Writes the demo data once: ~300 generated alumni (60 mentors) with some history, the five
 * personas (issuer = `options.issuer`, subject = persona.sub), a few applications waiting for
 * the admin, and two programmes (one enrolling, one running: `insertDemoProgrammes`). Returns false and writes nothing when the admin persona already exists. Everything
 * happens in one transaction, and the same data comes out on every install.
 */
export async function seedDemo(db: Kysely<Database>, options: { issuer: string; now: Date }): Promise<boolean> {
  const { issuer, now } = options;
  const adminExists = (trx: Kysely<Database>) =>
    trx.selectFrom('users').select('id').where('issuer', '=', issuer).where('subject', '=', personas.admin.sub).executeTakeFirst();
  if (await adminExists(db)) return false;

  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await adminExists(trx)) return false;

    const nowMs = now.getTime();
    const personaIds = Object.fromEntries(
      personaSeeds.map((p) => [p.key, userIdFor(issuer, personas[p.key].sub)]),
    ) as Record<PersonaKey, string>;
    const adminId = personaIds.admin;

    // Personas first: the admin approves everyone's applications.
    await trx.insertInto('users').values(personaSeeds.map((p) => {
      const created = new Date(nowMs - p.ageDays * DAY_MS);
      return {
        id: personaIds[p.key],
        issuer,
        subject: personas[p.key].sub,
        name: personas[p.key].name,
        email: personas[p.key].email,
        avatar_url: null,
        is_admin: p.isAdmin,
        calendar_feed_token: null,
        created_at: created,
        updated_at: created,
        deleted_at: null,
      };
    })).execute();
    await trx.insertInto('profiles').values(personaSeeds.map((p): Insertable<ProfilesTable> => ({
      user_id: personaIds[p.key],
      headline: p.profile.headline,
      bio: p.profile.bio,
      goals: p.profile.goals,
      skills: p.profile.skills,
      industry: p.profile.industry,
      company: p.profile.company,
      position: p.profile.position,
      location: p.profile.location,
      time_zone: p.profile.timeZone,
      languages: p.profile.languages,
      graduation_year: p.profile.graduationYear,
      programme: p.profile.programme,
      linkedin_url: p.profile.linkedinUrl,
      website_url: p.profile.websiteUrl,
      updated_at: new Date(nowMs - p.ageDays * DAY_MS),
    }))).execute();

    const plans = new Map<string, MentorHistoryPlan>();
    const personaMentors: WrittenAlumnus[] = [];
    for (const p of personaSeeds) {
      if (!p.mentor) continue;
      const id = personaIds[p.key];
      const approvedAt = new Date(nowMs - p.mentor.approvedDaysAgo * DAY_MS);
      const applicationId = stableUuid(`application|${id}`);
      await trx.insertInto('mentor_applications').values({
        id: applicationId,
        user_id: id,
        status: 'approved',
        expertise: p.mentor.expertise,
        years_of_experience: p.mentor.yearsOfExperience,
        statement: p.mentor.applicationStatement,
        links: p.profile.linkedinUrl ? [p.profile.linkedinUrl] : [],
        decision_notes: 'Welcome aboard!',
        decided_by: adminId,
        decided_at: approvedAt,
        created_at: new Date(approvedAt.getTime() - 3 * DAY_MS),
        updated_at: approvedAt,
      }).execute();
      await trx.insertInto('mentors').values({
        user_id: id,
        application_id: applicationId,
        status: 'active',
        accepting_mentees: p.mentor.acceptingMentees,
        capacity: p.mentor.capacity,
        away_until: p.mentor.awayUntil,
        expertise: p.mentor.expertise,
        years_of_experience: p.mentor.yearsOfExperience,
        mentoring_bio: p.mentor.mentoringBio,
        meeting_formats: p.mentor.meetingFormats,
        approved_at: approvedAt,
        updated_at: approvedAt,
      }).execute();
      if (p.history) plans.set(id, p.history);
      personaMentors.push({
        id,
        index: -1 - personaMentors.length,
        subject: personas[p.key].sub,
        name: personas[p.key].name,
        createdAt: new Date(nowMs - p.ageDays * DAY_MS),
        skills: p.profile.skills,
        goals: p.profile.goals,
        mentor: { capacity: p.mentor.capacity, acceptingMentees: p.mentor.acceptingMentees, awayUntil: p.mentor.awayUntil, approvedAt, expertise: p.mentor.expertise },
      });
    }

    const alumni = await insertAlumni(
      trx,
      generateAlumni(DEMO_ALUMNI, DEMO_SEED, { now, mentorShare: DEMO_MENTOR_SHARE, subjectPrefix: 'demo-alumnus' }),
      { issuer, decidedBy: adminId },
    );

    // Generated alumni are the mentees of everybody's history; the personas start with a clean
    // slate as mentees, so the demo's request flow works from the first click.
    await insertHistory(trx, [...personaMentors, ...alumni], { now, seed: DEMO_SEED, plans, mentees: alumni });

    await insertWaitingApplications(trx, alumni, adminId, now);
    await insertDemoProgrammes(trx, { now, adminId, mentorId: personaIds.mentor, mentee2Id: personaIds.mentee2 });
    return true;
  });
}

/**
 * A short queue for the admin persona: three pending applications, one sent back for changes,
 * and one rejected last month (so the approval rate is not a perfect 1).
 */
async function insertWaitingApplications(db: Kysely<Database>, alumni: WrittenAlumnus[], adminId: string, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const applicants = alumni.filter((a) => a.mentor === null && a.skills.length >= 3).slice(0, 5);
  const rows: Insertable<MentorApplicationsTable>[] = applicants.map((a, i) => {
    const rejected = i === 4;
    const created = new Date(nowMs - (rejected ? 35 : (i + 1) * 2) * DAY_MS - i * 3_600_000);
    const decided = i >= 3;
    return {
      id: stableUuid(`application|${a.id}`),
      user_id: a.id,
      status: rejected ? 'rejected' : decided ? 'changes_requested' : 'pending',
      expertise: a.skills.slice(0, 3),
      years_of_experience: 3 + i * 2,
      statement: `I would like to mentor younger Northbridge alumni in ${a.skills.slice(0, 2).join(' and ')}. I have led small teams and onboarded new hires, and I remember how much a mentor helped me when I started.`,
      links: [],
      decision_notes: rejected
        ? 'Thank you for offering! Your statement does not yet say how you would mentor; please apply again with a few specifics.'
        : decided ? 'Thanks! Could you add one or two examples of people you have mentored or coached?' : null,
      decided_by: decided ? adminId : null,
      decided_at: decided ? new Date(created.getTime() + DAY_MS) : null,
      created_at: created,
      updated_at: decided ? new Date(created.getTime() + DAY_MS) : created,
    };
  });
  if (rows.length) await db.insertInto('mentor_applications').values(rows).execute();
}
