import { matchRubric, mentorSorts, type MentorSort, type ProfileInput } from '@mentorkit/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, json, type TestContext, type TestUser } from '../../test/harness.js';
import { addFeedback, addMentorship, addRequest, createMentor, ensureUser, searchPath, type MentorSpec } from './mentors.fixtures.js';

/*
 * One world for every search test. The test clock says 2026-11-28T09:00Z (today = 2026-11-28).
 *
 * The viewer, Vera: skills SQL, Python, Leadership; goals mention "product management" (and the
 * word "Going", which must not count as the expertise "Go"); Technology; English + Filipino;
 * Asia/Manila (UTC+8); BS Computer Science. She is a mentor herself and must never see herself.
 *
 * Per mentor: the match score and reasons Vera should get (see matchRubric), availability, and
 * the keys the sorts use.
 */
interface Spec {
  user: TestUser;
  profile: ProfileInput;
  mentor: MentorSpec;
  /** Expected for Vera. */
  score: number;
  reasons: string[];
  availability: 'available' | 'limited' | 'unavailable';
  freeSlots: number;
}

const R = matchRubric;
const skills = (n: number) => Math.min(R.skills, n * R.perSharedSkill);

const world = {
  maria: {
    user: { sub: 's-maria', name: 'Maria Santos' },
    profile: {
      headline: 'Leadership coach for data teams', bio: 'I built the data platform at Globe and teach leadership.',
      position: 'Head of Data', company: 'Globe Telecom', industry: 'Technology', location: 'Makati, Metro Manila',
      timeZone: 'Asia/Manila', languages: ['English', 'Filipino'], graduationYear: 2008, programme: 'BS Computer Science',
      linkedinUrl: 'https://www.linkedin.com/in/maria-santos', websiteUrl: 'https://maria.example.com',
    },
    mentor: {
      expertise: ['Data Engineering', 'SQL', 'Python', 'Leadership'], yearsOfExperience: 15, capacity: 4,
      meetingFormats: ['video', 'chat'], medianResponseHours: 2, approvedAt: '2026-03-01T00:00:00Z',
      mentoringBio: 'Weekly calls and practical projects.',
    },
    // 3 shared skills (51, capped at 50) + industry + language + same zone + programme + room
    score: skills(3) + R.industry + R.language + R.timeZone + R.programme + R.openCapacity,
    reasons: [
      'Shares 3 of your skills: SQL, Python, Leadership', 'Same industry: Technology', 'Speaks English, Filipino',
      'Same time zone as you', 'Same programme: BS Computer Science', 'Has room: 3 of 4 mentee slots free',
    ],
    availability: 'available', freeSlots: 3,
  },
  kwame: {
    user: { sub: 's-kwame', name: 'Kwame Mensah' },
    profile: {
      headline: 'Quant developer at a bank', bio: 'Numbers and code.', position: 'Quant Developer', company: 'Ayala Capital',
      industry: 'Finance', location: 'Singapore', timeZone: 'Asia/Singapore', languages: ['English'], graduationYear: 2012,
      programme: 'BS Mathematics',
    },
    mentor: {
      expertise: ['Python', 'Machine Learning', 'Go'], yearsOfExperience: 10, capacity: 2, meetingFormats: ['video'],
      medianResponseHours: 10, approvedAt: '2026-05-01T00:00:00Z',
    },
    score: skills(1) + R.language + R.timeZone + R.openCapacity,
    reasons: ['Shares your skill: Python', 'Speaks English', 'Same time zone as you', 'Has room: 1 of 2 mentee slots free'],
    availability: 'limited', freeSlots: 1,
  },
  liza: {
    user: { sub: 's-liza', name: 'Liza Reyes' },
    profile: {
      headline: 'Product lead', bio: 'Shipping products people love.', position: 'Product Lead', company: 'Canva',
      industry: 'technology', location: 'Tokyo, Japan', timeZone: 'Asia/Tokyo', languages: ['english'], graduationYear: 2015,
      programme: 'bs computer science',
    },
    mentor: {
      expertise: ['Product Management', 'UX Research'], yearsOfExperience: 6, capacity: 5, meetingFormats: ['video', 'phone'],
      medianResponseHours: null, approvedAt: '2026-07-01T00:00:00Z',
    },
    score: skills(1) + R.industry + R.language + R.timeZone + R.programme + R.openCapacity,
    reasons: [
      'Expert in what your goals mention: Product Management', 'Same industry: technology', 'Speaks english',
      'Time zone within 1 h of yours', 'Same programme: bs computer science', 'Has room: 5 of 5 mentee slots free',
    ],
    availability: 'available', freeSlots: 5,
  },
  diego: {
    user: { sub: 's-diego', name: 'Diego Fernandez' },
    profile: {
      headline: 'Brand marketing director', position: 'Marketing Director', company: 'Unilever', industry: 'Marketing',
      location: 'Madrid, Spain', timeZone: 'Europe/Madrid', languages: ['Spanish', 'English'], graduationYear: 2005,
      programme: 'BA Communication',
    },
    mentor: {
      expertise: ['Marketing', 'SQL'], yearsOfExperience: 20, capacity: 3, acceptingMentees: false, meetingFormats: ['in_person'],
      medianResponseHours: null, approvedAt: '2025-12-01T00:00:00Z',
    },
    score: skills(1) + R.language,
    reasons: ['Shares your skill: SQL', 'Speaks English'],
    availability: 'unavailable', freeSlots: 0,
  },
  amara: {
    user: { sub: 's-amara', name: 'Amara Okafor' },
    profile: {
      headline: 'Dean of economics', position: 'Dean', company: 'Ateneo de Manila University', industry: 'Education',
      location: 'Quezon City, Metro Manila', timeZone: 'Asia/Manila', languages: ['English', 'Filipino'], graduationYear: 1999,
      programme: 'AB Economics',
    },
    mentor: {
      expertise: ['Leadership', 'Public Speaking'], yearsOfExperience: 25, capacity: 3, awayUntil: '2026-12-15',
      meetingFormats: ['in_person', 'video'], medianResponseHours: 6, approvedAt: '2026-02-01T00:00:00Z',
    },
    score: skills(1) + R.language + R.timeZone,
    reasons: ['Shares your skill: Leadership', 'Speaks English, Filipino', 'Same time zone as you'],
    availability: 'unavailable', freeSlots: 0,
  },
  paolo: {
    user: { sub: 's-paolo', name: 'Paolo Cruz' },
    profile: {
      headline: 'Cloud architect', position: 'Principal Architect', company: 'Amazon Web Services', industry: 'Technology',
      location: 'Cebu City', timeZone: 'Asia/Manila', languages: ['Cebuano', 'English'], graduationYear: 2010,
      programme: 'BS Computer Engineering',
    },
    mentor: {
      // away until yesterday: back again
      expertise: ['Cloud Architecture', 'Kubernetes'], yearsOfExperience: 14, capacity: 4, awayUntil: '2026-11-27',
      meetingFormats: ['video', 'chat'], medianResponseHours: 1.5, approvedAt: '2026-04-01T00:00:00Z',
    },
    score: R.industry + R.language + R.timeZone + R.openCapacity,
    reasons: ['Same industry: Technology', 'Speaks English', 'Same time zone as you', 'Has room: 3 of 4 mentee slots free'],
    availability: 'available', freeSlots: 3,
  },
  hana: {
    user: { sub: 's-hana', name: 'Hana Kim' },
    profile: {
      headline: 'Design systems lead', position: 'Design Lead', company: 'Grab', industry: 'Design', location: 'Singapore',
      timeZone: 'Asia/Seoul', languages: ['Korean', 'English'], graduationYear: 2016, programme: 'BFA Design',
    },
    mentor: {
      expertise: ['Design Systems', 'Figma'], yearsOfExperience: 6, capacity: 1, meetingFormats: ['video'],
      medianResponseHours: 8, approvedAt: '2026-08-01T00:00:00Z',
    },
    score: R.language + R.timeZone,
    reasons: ['Speaks English', 'Time zone within 1 h of yours'],
    availability: 'unavailable', freeSlots: 0,
  },
  rosa: {
    user: { sub: 's-rosa', name: 'Rosa Lim' },
    profile: {
      headline: 'Biostatistician', position: 'Senior Biostatistician', company: "St. Luke's Medical Center",
      industry: 'Healthcare', location: 'Taguig, Metro Manila', timeZone: null, languages: ['Filipino'], graduationYear: 2011,
      programme: 'BS Statistics',
    },
    mentor: {
      expertise: ['Python', 'Data Science'], yearsOfExperience: 10, capacity: 2, meetingFormats: ['chat'],
      medianResponseHours: 8, approvedAt: '2026-06-01T00:00:00Z',
    },
    score: skills(1) + R.language + R.openCapacity,
    reasons: ['Shares your skill: Python', 'Speaks Filipino', 'Has room: 2 of 2 mentee slots free'],
    availability: 'available', freeSlots: 2,
  },
  ben: {
    user: { sub: 's-ben', name: 'Ben Torres' },
    profile: {
      headline: 'Regional sales manager', bio: 'I coach sales teams on leadership and negotiation.', position: 'Sales Manager',
      company: 'SM Investments', industry: 'Retail', location: 'Pasig', timeZone: 'America/New_York', languages: ['English'],
      graduationYear: 2000, programme: 'BS Management',
    },
    mentor: {
      expertise: ['Sales', 'Negotiation'], yearsOfExperience: 22, capacity: 3, meetingFormats: ['phone'],
      medianResponseHours: 24, approvedAt: '2025-12-01T00:00:00Z',
    },
    score: R.language + R.openCapacity,
    reasons: ['Speaks English', 'Has room: 2 of 3 mentee slots free'],
    availability: 'available', freeSlots: 2,
  },
} satisfies Record<string, Spec>;

type Key = keyof typeof world;
const keys = Object.keys(world) as Key[];
const listedByDefault: Key[] = ['maria', 'kwame', 'liza', 'paolo', 'rosa', 'ben'];

const vera: TestUser = { sub: 's-vera', name: 'Vera Aquino' };
const veraProfile: ProfileInput = {
  headline: 'Analyst moving into product', skills: ['SQL', 'Python', 'Leadership'],
  goals: 'Going forward I want to learn product management.', industry: 'Technology', languages: ['English', 'Filipino'],
  timeZone: 'Asia/Manila', programme: 'BS Computer Science', graduationYear: 2019,
};
const samuel: TestUser = { sub: 's-samuel', name: 'Samuel Tan' };
const dan: TestUser = { sub: 's-dan', name: 'Dan Deleted' };
const nobody: TestUser = { sub: 's-nobody', name: 'Nobody Special' };
const filler = (name: string): TestUser => ({ sub: `s-${name.toLowerCase()}`, name });

interface Card {
  id: string;
  name: string;
  [k: string]: unknown;
}
interface SearchBody {
  items: Card[];
  nextCursor: string | null;
  total: number;
  facets: { expertise: Array<{ value: string; count: number }>; industry: Array<{ value: string; count: number }> };
}

describe.each(databaseKinds)('mentor search on %s', (kind) => {
  let t: TestContext;
  const id = {} as Record<Key | 'vera' | 'samuel' | 'dan' | 'nobody', string>;
  const nameOf = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestContext(kind);
    id.vera = await createMentor(t, vera, veraProfile, { expertise: ['SQL', 'Excel'], yearsOfExperience: 3, capacity: 2, approvedAt: '2026-09-01T00:00:00Z' });
    for (const key of keys) id[key] = await createMentor(t, world[key].user, world[key].profile, world[key].mentor);
    id.samuel = await createMentor(t, samuel, { company: 'Globe Telecom', industry: 'Technology', headline: 'Samuel the SQL expert' }, { status: 'suspended', expertise: ['SQL'] });
    id.dan = await createMentor(t, dan, { industry: 'Technology' }, { expertise: ['SQL'] });
    await t.handle.db.updateTable('users').set({ deleted_at: '2026-11-01T00:00:00Z' }).where('id', '=', id.dan).execute();
    id.nobody = await ensureUser(t, nobody);
    for (const key of keys) nameOf.set(id[key], world[key].user.name);
    nameOf.set(id.vera, vera.name);

    const [nina, omar, pia, quinn, rafa, sol] = await Promise.all(['Nina', 'Omar', 'Pia', 'Quinn', 'Rafa', 'Sol'].map((n) => ensureUser(t, filler(n))));
    // Maria: three completed (Vera, Nina, Kwame), one active (Omar), one cancelled (Pia).
    const veraWithMaria = await addMentorship(t, id.maria, id.vera, 'completed');
    const ninaWithMaria = await addMentorship(t, id.maria, nina!, 'completed');
    const kwameWithMaria = await addMentorship(t, id.maria, id.kwame, 'completed');
    await addMentorship(t, id.maria, omar!, 'active');
    await addMentorship(t, id.maria, pia!, 'cancelled');
    await addFeedback(t, veraWithMaria, id.vera, id.maria, 5);
    await addFeedback(t, ninaWithMaria, nina!, id.maria, 4);
    // Maria rates Kwame as her mentee: not a rating of Kwame as a mentor.
    await addFeedback(t, kwameWithMaria, id.maria, id.kwame, 1);
    await addMentorship(t, id.kwame, quinn!, 'active');
    await addMentorship(t, id.paolo, id.vera, 'active');
    await addMentorship(t, id.hana, sol!, 'active');
    await addMentorship(t, id.ben, rafa!, 'paused');
    await addRequest(t, id.liza, id.vera, { expiresAt: '2026-12-12T09:00:00Z' });
    await addRequest(t, id.rosa, id.vera, { status: 'expired', expiresAt: '2026-11-01T09:00:00Z' });
    await addRequest(t, id.kwame, id.vera, { status: 'declined' });
  });
  afterAll(async () => { await t?.close(); });

  async function search(params: Parameters<typeof searchPath>[0] = {}, as: TestUser = vera): Promise<SearchBody> {
    const res = await t.call('GET', searchPath(params), { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return json(res);
  }
  const names = (body: SearchBody) => body.items.map((c) => c.name);
  const sortedNames = (body: SearchBody) => names(body).sort();
  const namesOf = (ks: Key[]) => ks.map((k) => world[k].user.name);
  const sortedNamesOf = (ks: Key[]) => namesOf(ks).sort();

  async function expect400(path: string, field: string) {
    const res = await t.call('GET', path, { as: vera });
    expect(res.status, path).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain(field);
    expect(body.error.issues.map((i: { path: unknown[] }) => i.path[0])).toContain(field);
    expect(body.error.requestId).toBeTruthy();
  }

  describe('listing and availability', () => {
    it('lists accepting mentors by default: not the viewer, suspended, deleted, not accepting, away or full ones', async () => {
      const body = await search();
      expect(sortedNames(body)).toEqual(sortedNamesOf(listedByDefault));
      expect(body.total).toBe(6);
      expect(body.nextCursor).toBeNull();
    });

    it('the viewer never sees themself, but others see them', async () => {
      const all = await search({ availability: 'all', limit: 100 });
      expect(all.items.map((c) => c.id)).not.toContain(id.vera);
      const other = await search({ availability: 'all', limit: 100 }, nobody);
      expect(other.items.map((c) => c.id)).toContain(id.vera);
      expect(other.total).toBe(all.total + 1);
    });

    it.each([
      ['accepting', listedByDefault],
      ['available', ['maria', 'liza', 'paolo', 'rosa', 'ben']],
      ['limited', ['kwame']],
      ['all', keys],
    ] as Array<[string, Key[]]>)('availability=%s', async (availability, expected) => {
      const body = await search({ availability, limit: 100 });
      expect(sortedNames(body)).toEqual(sortedNamesOf(expected));
      expect(body.total).toBe(expected.length);
    });

    it('derives availability and free slots on every card', async () => {
      const body = await search({ availability: 'all', limit: 100 });
      expect(body.items).toHaveLength(keys.length);
      for (const key of keys) {
        const card = body.items.find((c) => c.id === id[key]);
        expect(card, key).toMatchObject({
          availability: world[key].availability,
          freeSlots: world[key].freeSlots,
          capacity: world[key].mentor.capacity,
        });
      }
    });

    it('an away date of today still counts as away; yesterday does not', async () => {
      const setAway = (d: string | null) => t.handle.db.updateTable('mentors').set({ away_until: d }).where('user_id', '=', id.amara).execute();
      try {
        await setAway('2026-11-28');
        expect(names(await search({ q: 'Amara' }))).toEqual([]);
        await setAway('2026-11-27');
        const back = await search({ q: 'Amara' });
        expect(back.items).toHaveLength(1);
        expect(back.items[0]).toMatchObject({ availability: 'available', freeSlots: 3 });
      } finally {
        await setAway('2026-12-15');
      }
    });

    it('a mentor sees the same derived availability in GET /me', async () => {
      const me = await json(await t.call('GET', '/api/v1/me', { as: world.kwame.user }));
      expect(me.mentor).toMatchObject({ availability: 'limited', openMentorships: 1, capacity: 2 });
      expect(me.roles).toEqual(['alumnus', 'mentor']);
      const hana = await json(await t.call('GET', '/api/v1/me', { as: world.hana.user }));
      expect(hana.mentor).toMatchObject({ availability: 'unavailable', openMentorships: 1, capacity: 1 });
    });

    it('never lists suspended or deleted mentors, whatever the query', async () => {
      for (const q of ['Samuel', 'Globe Telecom', 'SQL', 'Dan Deleted']) {
        const body = await search({ q, availability: 'all', limit: 100 });
        expect(body.items.map((c) => c.id), q).not.toContain(id.samuel);
        expect(body.items.map((c) => c.id), q).not.toContain(id.dan);
      }
      expect((await search({ q: 'Samuel', availability: 'all' })).total).toBe(0);
    });
  });

  describe('full-text q', () => {
    it.each([
      ['a name', 'Kwame', ['kwame']],
      ['a surname in lower case', 'mensah', ['kwame']],
      ['a full name', 'Maria Santos', ['maria']],
      ['an expertise term', 'kubernetes', ['paolo']],
      ['an expertise phrase', 'machine learning', ['kwame']],
      ['a company', 'Canva', ['liza']],
      ['a company of two words (suspended Samuel has it too)', 'Globe Telecom', ['maria']],
      ['an industry', 'healthcare', ['rosa']],
      ['a headline word', 'quant', ['kwame']],
      ['a bio word', 'negotiation', ['ben']],
      ['a mentoring-bio word', 'practical projects', ['maria']],
      ['a stemmed form', 'architects', ['paolo']],
      ['a surname that English stems, with a stemmed expertise word', 'Santos engineering', ['maria']],
      ['a full name with a bio word', 'Ben Torres negotiation', ['ben']],
      ['a surname with a headline word', 'Reyes product', ['liza']],
      ['a quoted phrase', '"data platform"', ['maria']],
      ["a company with an apostrophe", "St. Luke's", ['rosa']],
      ['stop words around a term', 'the lead of the product', ['liza']],
    ] as Array<[string, string, Key[]]>)('finds %s', async (_label, q, expected) => {
      const body = await search({ q, availability: 'all' });
      expect(names(body)).toEqual(namesOf(expected));
      expect(body.total).toBe(expected.length);
    });

    it('finds nothing for words nobody has', async () => {
      const body = await search({ q: 'astrophysics' });
      expect(body).toEqual({ items: [], nextCursor: null, total: 0, facets: { expertise: [], industry: [] } });
    });

    it('text without a searchable word matches nobody', async () => {
      for (const q of ['the and of', '🚀', '%_\\', '-the']) {
        const body = await search({ q, availability: 'all' });
        expect(body.total, q).toBe(0);
        expect(body.items, q).toEqual([]);
      }
    });

    it('ranks better matches first: expertise and headline above a passing mention in a bio', async () => {
      // Maria: expertise + headline + bio; Amara: expertise only; Ben: once in his bio.
      const body = await search({ q: 'leadership', availability: 'all' });
      expect(names(body)).toEqual(namesOf(['maria', 'amara', 'ben']));
    });

    it('ranks a mentor whose expertise, headline and position mention the term above one with it in expertise only', async () => {
      const body = await search({ q: 'data', availability: 'all' });
      expect(names(body)).toEqual(namesOf(['maria', 'rosa']));
    });

    it('supports OR and excluded words (websearch syntax)', async () => {
      expect(sortedNames(await search({ q: 'kubernetes or canva' }))).toEqual(sortedNamesOf(['liza', 'paolo']));
      expect(names(await search({ q: 'python -finance' }))).toEqual(expect.arrayContaining(namesOf(['maria', 'rosa'])));
      expect(names(await search({ q: 'python -finance' }))).not.toContain(world.kwame.user.name);
    });

    it('excludes with -word whichever way the word was indexed', async () => {
      // industry "Finance" is indexed as the English stem `financ`; the name "Santos" as `santos`
      expect(names(await search({ q: 'python -finance', availability: 'all' })).sort()).toEqual(sortedNamesOf(['maria', 'rosa']));
      expect(names(await search({ q: 'python -santos' })).sort()).toEqual(sortedNamesOf(['kwame', 'rosa']));
      expect(names(await search({ q: 'leadership -"data platform"', availability: 'all' }))).toEqual(namesOf(['amara', 'ben']));
    });

    it('combines with filters', async () => {
      expect(names(await search({ q: 'python', industry: 'Healthcare' }))).toEqual(namesOf(['rosa']));
      expect(names(await search({ q: 'leadership' }))).toEqual(namesOf(['maria', 'ben']));
    });

    it('follows profile and name changes (search document triggers)', async () => {
      const ben = world.ben;
      try {
        const put = await t.call('PUT', '/api/v1/me/profile', { as: ben.user, body: { ...ben.profile, company: 'Jollibee Foods' } });
        expect(put.status).toBe(200);
        expect(names(await search({ q: 'Jollibee' }))).toEqual([ben.user.name]);
        expect(names(await search({ q: 'SM Investments' }))).toEqual([]);
        await t.call('GET', '/api/v1/me', { as: { ...ben.user, name: 'Benjamin Torres' } });
        expect(names(await search({ q: 'Benjamin' }))).toEqual(['Benjamin Torres']);
      } finally {
        await t.call('GET', '/api/v1/me', { as: ben.user });
        await t.call('PUT', '/api/v1/me/profile', { as: ben.user, body: ben.profile });
      }
      expect(names(await search({ q: 'SM Investments' }))).toEqual([ben.user.name]);
    });
  });

  describe('filters', () => {
    it.each([
      ['expertise (case-insensitive)', { expertise: 'sql' }, ['maria']],
      ['expertise repeated: OR within the facet', { expertise: ['SQL', 'kubernetes'] }, ['maria', 'paolo']],
      ['expertise shared by several', { expertise: 'Python' }, ['maria', 'kwame', 'rosa']],
      ['expertise with availability=all', { expertise: 'SQL', availability: 'all' }, ['maria', 'diego']],
      ['industry (case-insensitive, both spellings)', { industry: 'TECHNOLOGY' }, ['maria', 'liza', 'paolo']],
      ['industry repeated', { industry: ['Finance', 'Retail'] }, ['kwame', 'ben']],
      ['location substring', { location: 'metro manila' }, ['maria', 'rosa']],
      ['location substring with all', { location: 'Manila', availability: 'all' }, ['maria', 'amara', 'rosa']],
      ['location: % is literal', { location: '%' }, []],
      ['location: _ is literal', { location: '_' }, []],
      ['location with an apostrophe', { location: "o'" }, []],
      ['language (case-insensitive)', { language: 'filipino' }, ['maria', 'rosa']],
      ['language repeated', { language: ['Cebuano', 'Spanish'], availability: 'all' }, ['paolo', 'diego']],
      ['meetingFormat', { meetingFormat: 'chat' }, ['maria', 'paolo', 'rosa']],
      ['meetingFormat repeated', { meetingFormat: ['phone', 'chat'] }, ['maria', 'liza', 'paolo', 'rosa', 'ben']],
      ['meetingFormat in_person', { meetingFormat: 'in_person', availability: 'all' }, ['diego', 'amara']],
      ['minYearsExperience', { minYearsExperience: 14 }, ['maria', 'paolo', 'ben']],
      ['minYearsExperience=0', { minYearsExperience: 0 }, listedByDefault],
      ['graduationYearFrom/To', { graduationYearFrom: 2010, graduationYearTo: 2012 }, ['kwame', 'paolo', 'rosa']],
      ['graduationYearFrom', { graduationYearFrom: 2015, availability: 'all' }, ['liza', 'hana']],
      ['graduationYearTo', { graduationYearTo: 2005, availability: 'all' }, ['diego', 'amara', 'ben']],
      ['graduation years inverted', { graduationYearFrom: 2012, graduationYearTo: 2010 }, []],
      ['several filters at once', { expertise: 'Python', industry: 'Technology', meetingFormat: 'chat', minYearsExperience: 15 }, ['maria']],
    ] as Array<[string, Record<string, string | number | string[]>, Key[]]>)('%s', async (_label, params, expected) => {
      const body = await search({ ...params, limit: 100 });
      expect(sortedNames(body)).toEqual(sortedNamesOf(expected));
      expect(body.total).toBe(expected.length);
    });
  });

  describe('sorting and paging', () => {
    // "key descending, id ascending" for every sort; the keys from the world table.
    const keyOf: Record<MentorSort, (k: Key) => number> = {
      relevance: (k) => world[k].score,
      match: (k) => world[k].score,
      experience: (k) => world[k].mentor.yearsOfExperience,
      newest: (k) => Date.parse(world[k].mentor.approvedAt),
      responsiveness: (k) => -(world[k].mentor.medianResponseHours ?? 1e9),
    };
    const expectedOrder = (sort: MentorSort, ks: Key[]) =>
      [...ks].sort((a, b) => keyOf[sort](b) - keyOf[sort](a) || (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : 0)).map((k) => id[k]);

    it('the documented orders, spelled out', async () => {
      const order = async (sort: string) => names(await search({ sort, availability: 'all', limit: 100 }));
      const match = await order('match');
      expect(match.slice(0, 4)).toEqual(namesOf(['maria', 'liza', 'kwame', 'paolo']));
      expect(match.slice(4, 6).sort()).toEqual(sortedNamesOf(['amara', 'rosa']));
      expect(match[6]).toBe(world.diego.user.name);
      const experience = await order('experience');
      expect(experience.slice(0, 5)).toEqual(namesOf(['amara', 'ben', 'diego', 'maria', 'paolo']));
      const newest = await order('newest');
      expect(newest.slice(0, 7)).toEqual(namesOf(['hana', 'liza', 'rosa', 'kwame', 'paolo', 'maria', 'amara']));
      const responsiveness = await order('responsiveness');
      expect(responsiveness.slice(0, 3)).toEqual(namesOf(['paolo', 'maria', 'amara']));
      expect(responsiveness.slice(5, 7)).toEqual(namesOf(['kwame', 'ben']));
      expect(responsiveness.slice(7).sort()).toEqual(sortedNamesOf(['diego', 'liza']));
      // relevance without q falls back to the match score
      expect(await order('relevance')).toEqual(match);
    });

    it.each(mentorSorts.map((s) => [s]))('sort=%s orders as documented (ties by id)', async (sort) => {
      const body = await search({ sort, availability: 'all', limit: 100 });
      expect(body.items.map((c) => c.id)).toEqual(expectedOrder(sort, keys));
    });

    it('default sort is relevance', async () => {
      const plain = await search({ limit: 100 });
      expect(plain.items.map((c) => c.id)).toEqual(expectedOrder('relevance', listedByDefault));
    });

    const pagingCases = mentorSorts.flatMap((sort) => [2, 3].map((limit) => [sort, limit] as const));
    it.each(pagingCases)('sort=%s pages with limit=%i without duplicates or gaps', async (sort, limit) => {
      const params = { sort, availability: 'all' };
      const whole = (await search({ ...params, limit: 100 })).items.map((c) => c.id);
      expect(whole).toHaveLength(keys.length);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const body = await search({ ...params, limit, cursor });
        expect(body.items.length).toBeLessThanOrEqual(limit);
        expect(body.total).toBe(keys.length);
        seen.push(...body.items.map((c) => c.id));
        cursor = body.nextCursor ?? undefined;
        pages += 1;
        if (cursor) expect(body.items).toHaveLength(limit);
      } while (cursor && pages < 20);
      expect(pages).toBe(Math.ceil(keys.length / limit));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(whole);
    });

    it.each([[2], [3]])('relevance with q pages by rank with limit=%i', async (limit) => {
      const params = { q: 'data or python or leadership or sales', availability: 'all' };
      const whole = await search({ ...params, limit: 100 });
      expect(sortedNames(whole)).toEqual(sortedNamesOf(['maria', 'kwame', 'amara', 'rosa', 'ben']));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const body = await search({ ...params, limit, cursor });
        seen.push(...body.items.map((c) => c.id));
        cursor = body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(whole.items.map((c) => c.id));
    });

    it('an exact page size leaves no empty last page', async () => {
      const body = await search({ limit: 6 });
      expect(body.items).toHaveLength(6);
      expect(body.nextCursor).toBeNull();
    });

    it('refuses a cursor from another sort, and junk cursors, with 400 naming cursor', async () => {
      const first = await search({ sort: 'experience', availability: 'all', limit: 2 });
      expect(first.nextCursor).toEqual(expect.any(String));
      await expect400(searchPath({ sort: 'newest', availability: 'all', limit: 2, cursor: first.nextCursor! }), 'cursor');
      await expect400(searchPath({ availability: 'all', limit: 2, cursor: first.nextCursor! }), 'cursor');
      const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      for (const cursor of [
        'not-a-cursor',
        forge(['experience', 'ten', id.maria]),
        forge(['experience', 10, 'x'.repeat(36)]),
        forge(['experience', 10, '-'.repeat(36)]),
        forge(['experience', 10, "'; DROP TABLE users; --"]),
        forge({ sort: 'experience' }),
        forge(null),
        forge(['experience', null, id.maria]),
      ]) {
        await expect400(searchPath({ sort: 'experience', cursor }), 'cursor');
      }
      await expect400(searchPath({ cursor: 'x'.repeat(513) }), 'cursor');
    });
  });

  describe('facets and total', () => {
    it('counts expertise and industry over every listed mentor', async () => {
      const body = await search({ limit: 1 });
      expect(body.total).toBe(6);
      expect(body.items).toHaveLength(1);
      expect(body.facets.expertise).toEqual([
        { value: 'Python', count: 3 },
        ...['Cloud Architecture', 'Data Engineering', 'Data Science', 'Go', 'Kubernetes', 'Leadership', 'Machine Learning',
          'Negotiation', 'Product Management', 'Sales', 'SQL', 'UX Research'].map((value) => ({ value, count: 1 })),
      ]);
      // "Technology" and "technology" are one value
      expect(body.facets.industry).toEqual([
        { value: 'Technology', count: 3 },
        { value: 'Finance', count: 1 },
        { value: 'Healthcare', count: 1 },
        { value: 'Retail', count: 1 },
      ]);
    });

    it('computes each facet with every filter except its own', async () => {
      const byIndustry = await search({ industry: 'Finance' });
      expect(byIndustry.total).toBe(1);
      expect(byIndustry.facets.industry).toEqual([
        { value: 'Technology', count: 3 }, { value: 'Finance', count: 1 }, { value: 'Healthcare', count: 1 }, { value: 'Retail', count: 1 },
      ]);
      expect(byIndustry.facets.expertise).toEqual([
        { value: 'Go', count: 1 }, { value: 'Machine Learning', count: 1 }, { value: 'Python', count: 1 },
      ]);

      const byExpertise = await search({ expertise: 'python' });
      expect(byExpertise.total).toBe(3);
      expect(byExpertise.facets.expertise[0]).toEqual({ value: 'Python', count: 3 });
      expect(byExpertise.facets.expertise).toHaveLength(13);
      expect(byExpertise.facets.industry).toEqual([
        { value: 'Finance', count: 1 }, { value: 'Healthcare', count: 1 }, { value: 'Technology', count: 1 },
      ]);

      // other filters narrow both facets
      const chat = await search({ meetingFormat: 'chat', expertise: 'Python' });
      expect(chat.total).toBe(2);
      expect(chat.facets.industry).toEqual([{ value: 'Healthcare', count: 1 }, { value: 'Technology', count: 1 }]);
      expect(chat.facets.expertise.find((f) => f.value === 'Python')).toEqual({ value: 'Python', count: 2 });
      expect(chat.facets.expertise.find((f) => f.value === 'Kubernetes')).toEqual({ value: 'Kubernetes', count: 1 });

      const all = await search({ availability: 'all', q: 'sql' });
      expect(all.total).toBe(2);
      expect(all.facets.expertise.find((f) => f.value === 'SQL')).toEqual({ value: 'SQL', count: 2 });
      expect(all.facets.industry).toEqual([{ value: 'Marketing', count: 1 }, { value: 'Technology', count: 1 }]);
    });

    it('counts a mentor once per expertise even if they spelled it twice', async () => {
      await t.handle.db.updateTable('mentors').set({ expertise: ['Sales', 'Negotiation', 'sales'] }).where('user_id', '=', id.ben).execute();
      try {
        const body = await search({ expertise: 'SALES' });
        expect(names(body)).toEqual([world.ben.user.name]);
        expect(body.facets.expertise.find((f) => f.value.toLowerCase() === 'sales')).toEqual({ value: 'Sales', count: 1 });
      } finally {
        await t.handle.db.updateTable('mentors').set({ expertise: world.ben.mentor.expertise }).where('user_id', '=', id.ben).execute();
      }
    });
  });

  describe('viewer state and match', () => {
    it('shows the viewer request state: none, pending (with expiry), active', async () => {
      const body = await search({ availability: 'all', limit: 100 });
      const card = (k: Key) => body.items.find((c) => c.id === id[k])!;
      expect(card('liza')).toMatchObject({ viewerRequestState: 'pending', viewerRequestExpiresAt: '2026-12-12T09:00:00.000Z' });
      expect(card('paolo')).toMatchObject({ viewerRequestState: 'active', viewerRequestExpiresAt: null });
      // completed mentorship, expired request, declined request: none
      for (const k of ['maria', 'rosa', 'kwame', 'ben'] as Key[]) {
        expect(card(k), k).toMatchObject({ viewerRequestState: 'none', viewerRequestExpiresAt: null });
      }
      // another viewer sees none everywhere
      const other = await search({ availability: 'all', limit: 100 }, nobody);
      expect(new Set(other.items.map((c) => c.viewerRequestState))).toEqual(new Set(['none']));
    });

    it('a paused mentorship counts as active for the mentee', async () => {
      const rafa = filler('Rafa');
      const body = await search({ q: 'Ben Torres' }, rafa);
      expect(body.items[0]).toMatchObject({ viewerRequestState: 'active' });
    });

    it.each(keys.map((k) => [k]))('scores %s by the rubric, with one reason per scoring part', async (key) => {
      const body = await search({ availability: 'all', limit: 100 });
      const card = body.items.find((c) => c.id === id[key]);
      expect(card?.match).toEqual({ score: world[key].score, reasons: world[key].reasons });
    });

    it('matches goal words as whole words only', async () => {
      // Kwame's "Go" is not in "Going forward…"; Liza's "Product Management" is.
      const body = await search({ availability: 'all', limit: 100 });
      const kwame = body.items.find((c) => c.id === id.kwame)!;
      expect((kwame.match as { reasons: string[] }).reasons.join(' ')).not.toContain('goals');
      const put = await t.call('PUT', '/api/v1/me/profile', { as: vera, body: { ...veraProfile, goals: 'I want to learn Go, and product management.' } });
      expect(put.status).toBe(200);
      try {
        const again = await search({ q: 'Kwame' });
        expect(again.items[0]!.match).toEqual({
          score: skills(2) + R.language + R.timeZone + R.openCapacity,
          reasons: ['Shares your skill: Python', 'Expert in what your goals mention: Go', 'Speaks English', 'Same time zone as you', 'Has room: 1 of 2 mentee slots free'],
        });
      } finally {
        await t.call('PUT', '/api/v1/me/profile', { as: vera, body: veraProfile });
      }
    });

    it('gives a viewer without a profile only the capacity part', async () => {
      const body = await search({ limit: 100 }, nobody);
      for (const card of body.items) {
        const free = card['freeSlots'] as number;
        const slots = card['capacity'] === 1 ? 'slot' : 'slots';
        expect(card.match).toEqual({ score: R.openCapacity, reasons: [`Has room: ${free} of ${card['capacity']} mentee ${slots} free`] });
      }
    });

    it('caps the skills part and the total at the rubric maximum', async () => {
      const body = await search({ q: 'Maria' });
      expect(body.items[0]!.match).toMatchObject({ score: 100 });
      expect(R.skills + R.industry + R.language + R.timeZone + R.programme + R.openCapacity).toBe(100);
    });

    it('carries the documented card fields', async () => {
      const body = await search({ q: 'Kwame' });
      expect(body.items[0]).toEqual({
        id: id.kwame, name: 'Kwame Mensah', avatarUrl: null, headline: 'Quant developer at a bank', position: 'Quant Developer',
        company: 'Ayala Capital', industry: 'Finance', location: 'Singapore', programme: 'BS Mathematics', graduationYear: 2012,
        expertise: ['Python', 'Machine Learning', 'Go'], meetingFormats: ['video'], languages: ['English'],
        availability: 'limited', freeSlots: 1, capacity: 2, yearsOfExperience: 10, menteeCount: 1, medianResponseHours: 10,
        viewerRequestState: 'none', viewerRequestExpiresAt: null,
        match: { score: world.kwame.score, reasons: world.kwame.reasons },
      });
    });
  });

  describe('reused between requests (search cache)', () => {
    it('answers another viewer from shared facts without the viewer in page, total or facets', async () => {
      const params = { q: 'sql', availability: 'all' as const };
      const forNobody = await search(params, nobody);
      const forVera = await search(params);
      expect(names(forNobody)).toContain(vera.name);
      expect(names(forVera)).not.toContain(vera.name);
      expect(forVera.total).toBe(forNobody.total - 1);
      // Excel is Vera's alone: counted for others, gone for her; SQL counts one less.
      expect(forNobody.facets.expertise.find((f) => f.value === 'Excel')).toEqual({ value: 'Excel', count: 1 });
      expect(forVera.facets.expertise.find((f) => f.value === 'Excel')).toBeUndefined();
      const sqlCount = (b: SearchBody) => b.facets.expertise.find((f) => f.value === 'SQL')!.count;
      expect(sqlCount(forVera)).toBe(sqlCount(forNobody) - 1);
      // and in the other order, the cache now warm with Vera's request
      expect(await search(params, nobody)).toEqual(forNobody);
    });

    it('shows a change to a mentor in the very next search', async () => {
      const accepting = () => search({ availability: 'accepting', limit: 100 }, nobody);
      expect(names(await accepting())).toContain(world.kwame.user.name);
      await t.handle.db.updateTable('mentors').set({ accepting_mentees: false }).where('user_id', '=', id.kwame).execute();
      try {
        expect(names(await accepting())).not.toContain(world.kwame.user.name);
        const byExperience = await search({ sort: 'experience', availability: 'accepting' }, nobody);
        expect(names(byExperience)).not.toContain(world.kwame.user.name);
      } finally {
        await t.handle.db.updateTable('mentors').set({ accepting_mentees: true }).where('user_id', '=', id.kwame).execute();
      }
      expect(names(await accepting())).toContain(world.kwame.user.name);
    });

    it('reads the cards afresh: a request sent after a search shows on the same first page', async () => {
      const viewer = filler('Cached');
      const viewerId = await ensureUser(t, viewer);
      for (const sort of ['match', 'experience'] as const) {
        const before = await search({ sort, limit: 100 }, viewer);
        expect(before.items.find((c) => c.id === id.maria)!.viewerRequestState).toBe('none');
        const request = await addRequest(t, id.maria, viewerId);
        try {
          const after = await search({ sort, limit: 100 }, viewer);
          expect(after.items.find((c) => c.id === id.maria)!.viewerRequestState).toBe('pending');
          expect(names(after)).toEqual(names(before));
        } finally {
          await t.handle.db.deleteFrom('mentorship_requests').where('id', '=', request).execute();
        }
      }
    });

    it('gives concurrent identical searches the same answer', async () => {
      const params = { q: 'python', sort: 'experience' as const, limit: 2 };
      const answers = await Promise.all(Array.from({ length: 8 }, () => search(params, nobody)));
      for (const a of answers) expect(a).toEqual(answers[0]);
      expect(answers[0]!.items).toHaveLength(2);
      // the cursor of a shared first page leads on without gaps or repeats
      const next = await search({ ...params, cursor: answers[0]!.nextCursor! }, nobody);
      const all = await search({ q: 'python', sort: 'experience', limit: 100 }, nobody);
      expect([...names(answers[0]!), ...names(next)]).toEqual(names(all).slice(0, 2 + next.items.length));
    });
  });

  describe('GET /mentors/:id', () => {
    it('answers the full profile with stats', async () => {
      const res = await t.call('GET', `/api/v1/mentors/${id.maria}`, { as: vera });
      expect(res.status).toBe(200);
      const m = world.maria;
      expect(await json(res)).toEqual({
        id: id.maria, name: 'Maria Santos', avatarUrl: null, headline: m.profile.headline, position: 'Head of Data',
        company: 'Globe Telecom', industry: 'Technology', location: 'Makati, Metro Manila', programme: 'BS Computer Science',
        graduationYear: 2008, expertise: m.mentor.expertise, meetingFormats: ['video', 'chat'], languages: ['English', 'Filipino'],
        availability: 'available', freeSlots: 3, capacity: 4, yearsOfExperience: 15,
        // Vera, Nina, Kwame (completed) and Omar (active); Pia's cancelled mentorship does not count
        menteeCount: 4, medianResponseHours: 2, viewerRequestState: 'none', viewerRequestExpiresAt: null,
        match: { score: m.score, reasons: m.reasons },
        bio: m.profile.bio, mentoringBio: 'Weekly calls and practical projects.', timeZone: 'Asia/Manila', awayUntil: null,
        linkedinUrl: 'https://www.linkedin.com/in/maria-santos', websiteUrl: 'https://maria.example.com',
        approvedAt: '2026-03-01T00:00:00.000Z',
        stats: { menteesHelped: 4, activeMentees: 1, completedMentorships: 3, medianResponseHours: 2, averageRating: 4.5, ratingCount: 2 },
      });
    });

    it('rates a mentor only from feedback on their own mentoring', async () => {
      const kwame = await json(await t.call('GET', `/api/v1/mentors/${id.kwame}`, { as: vera }));
      expect(kwame.stats).toEqual({ menteesHelped: 1, activeMentees: 1, completedMentorships: 0, medianResponseHours: 10, averageRating: null, ratingCount: 0 });
      expect(kwame.viewerRequestState).toBe('none');
    });

    it('counts paused mentorships as active, and shows the viewer state and away date', async () => {
      const ben = await json(await t.call('GET', `/api/v1/mentors/${id.ben}`, { as: vera }));
      expect(ben.stats).toMatchObject({ menteesHelped: 1, activeMentees: 1, completedMentorships: 0, averageRating: null, ratingCount: 0 });
      const liza = await json(await t.call('GET', `/api/v1/mentors/${id.liza}`, { as: vera }));
      expect(liza).toMatchObject({ viewerRequestState: 'pending', viewerRequestExpiresAt: '2026-12-12T09:00:00.000Z', medianResponseHours: null });
      const amara = await json(await t.call('GET', `/api/v1/mentors/${id.amara}`, { as: vera }));
      expect(amara).toMatchObject({ availability: 'unavailable', freeSlots: 0, awayUntil: '2026-12-15', match: { score: world.amara.score } });
      const paolo = await json(await t.call('GET', `/api/v1/mentors/${id.paolo}`, { as: vera }));
      expect(paolo).toMatchObject({ viewerRequestState: 'active', availability: 'available', awayUntil: '2026-11-27' });
    });

    it('answers 404 in the error format for unknown, malformed, suspended and deleted mentors and plain users', async () => {
      for (const target of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', `${id.maria}x`, "1'; DROP TABLE users; --", id.samuel, id.dan, id.nobody]) {
        const res = await t.call('GET', `/api/v1/mentors/${encodeURIComponent(target)}`, { as: vera });
        expect(res.status, target).toBe(404);
        const body = await json(res);
        expect(body).toEqual({ error: { code: 'not_found', message: 'Mentor not found', requestId: expect.any(String) } });
      }
    });

    it('requires a token', async () => {
      expect((await t.call('GET', `/api/v1/mentors/${id.maria}`)).status).toBe(401);
      const res = await t.call('GET', '/api/v1/mentors');
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('unauthenticated');
    });
  });

  describe('bad input', () => {
    it.each([
      ['availability=busy', 'availability'],
      ['sort=popularity', 'sort'],
      ['sort=match&sort=newest', 'sort'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=-1', 'limit'],
      ['minYearsExperience=lots', 'minYearsExperience'],
      ['minYearsExperience=71', 'minYearsExperience'],
      ['graduationYearFrom=1800', 'graduationYearFrom'],
      ['graduationYearTo=abc', 'graduationYearTo'],
      ['meetingFormat=carrier-pigeon', 'meetingFormat'],
      ['expertise=%00', 'expertise'],
      ['location=%00', 'location'],
      [`q=${'a'.repeat(10_001)}`, 'q'],
      ['q=a&q=b', 'q'],
      [Array.from({ length: 31 }, (_, i) => `expertise=e${i}`).join('&'), 'expertise'],
    ])('%s → 400 naming the field', async (qs, field) => {
      await expect400(`/api/v1/mentors?${qs}`, field);
    });

    it.each([
      ['10,000 characters', 'data '.repeat(2000)],
      ['one 10,000-character word', 'x'.repeat(10_000)],
      ['SQL injection', "'; DROP TABLE users; --"],
      ['LIKE and tsquery metacharacters', '%_\\ & | ! :* ( ) <-> "'],
      ['unbalanced quotes', '"leadership'],
      ['emoji', '🚀👩‍💻 leadership 🎉'],
      ['an emoji at the 256-character cut', `${'a'.repeat(255)}🚀`],
      ['a NUL byte', 'lead\u0000ership'],
      ['only stop words', 'the and of'],
      ['only whitespace', '   \t  '],
      ['a lone surrogate', 'data\uD800'],
    ])('q with %s → 200', async (_label, q) => {
      const res = await t.call('GET', searchPath({ q, availability: 'all' }), { as: vera });
      expect(res.status, await res.clone().text()).toBe(200);
      const body = await json(res);
      expect(Array.isArray(body.items)).toBe(true);
      expect(body.total).toBe(body.items.length);
    });

    it('a raw %00 in the query string → 200', async () => {
      const res = await t.call('GET', '/api/v1/mentors?q=%00&availability=all', { as: vera });
      expect(res.status).toBe(200);
      // a blank q is no filter at all
      expect((await json(res)).total).toBe(keys.length);
      const res2 = await t.call('GET', '/api/v1/mentors?q=data%00science&availability=all', { as: vera });
      expect(res2.status).toBe(200);
      expect(names(await json(res2))).toEqual([world.rosa.user.name]);
    });

    it('malformed percent-encoding → 200, never 5xx', async () => {
      const res = await t.call('GET', '/api/v1/mentors?q=%E0%A4%A&location=%ZZ', { as: vera });
      expect(res.status).toBeLessThan(500);
    });

    it('the users table is still there after the injection attempts', async () => {
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(t.handle.db);
      expect(count.rows[0]!.n).toBeGreaterThan(10);
      expect(t.logs.join('\n')).not.toContain('"level":"error"');
    });
  });
});

describe('parseTextQuery', () => {
  it('splits websearch syntax into OR-groups of terms', async () => {
    const { parseTextQuery } = await import('./text-query.js');
    expect(parseTextQuery('python -finance or "machine learning" sql')).toEqual([
      [{ text: 'python', phrase: false, negated: false }, { text: 'finance', phrase: false, negated: true }],
      [{ text: 'machine learning', phrase: true, negated: false }, { text: 'sql', phrase: false, negated: false }],
    ]);
    expect(parseTextQuery('or or -- "" "unterminated')).toEqual([[{ text: 'unterminated', phrase: true, negated: false }]]);
    expect(parseTextQuery('a '.repeat(100))).toEqual([Array.from({ length: 32 }, () => ({ text: 'a', phrase: false, negated: false }))]);
  });
});
