import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../test/flows.js';
import { createTestContext, databaseKinds, json, type TestContext } from '../../test/harness.js';
import { expectError, newPair, snapshot, START, type Pair } from '../lifecycle/workspace.fixtures.js';
import { icsUtc, parseIcs, prop, unescapeText, type IcsProperty } from './ics.fixtures.js';

const trickyTitle = 'Plan; budget, Q1 \\ review\nnext steps';
const longAgenda = `Préparation de l'entretien — «questions» 🎓, budget; salaire, etc. ${'Ünïcödé text with commas, semicolons; and a backslash \\ '.repeat(6)}`;

describe.each(databaseKinds)('calendar export on %s', (kind) => {
  let t: TestContext;
  const outsider = person('cal-outsider', 'Olu Outsider');

  beforeAll(async () => {
    t = await createTestContext(kind);
    await t.call('GET', '/api/v1/me', { as: outsider });
  });
  afterAll(async () => { await t?.close(); });

  const call = (...args: Parameters<TestContext['call']>) => t.call(...args);
  const ics = async (meetingId: string, as: Pair['mentor']) => {
    const res = await call('GET', `/api/v1/meetings/${meetingId}/ics`, { as });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="meeting-${meetingId}.ics"`);
    return { text: await res.text() };
  };
  const onlyEvent = (text: string): IcsProperty[] => {
    const parsed = parseIcs(text);
    expect(parsed.events).toHaveLength(1);
    return parsed.events[0]!;
  };

  it('exports one meeting per RFC 5545: UID, SEQUENCE, UTC times, escaped and folded text, no e-mail', async () => {
    const pair = await newPair(t, 'cal-one');
    const res = await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, {
      as: pair.mentee,
      body: { title: trickyTitle, startsAt: '2026-12-01T18:30:00+08:00', durationMinutes: 45, location: 'Café Lumière, 2F; Room "B"', videoUrl: 'https://meet.example.edu/abc', agenda: longAgenda },
    });
    expect(res.status).toBe(201);
    const meeting = await json(res);
    const { text } = await ics(meeting.id, pair.mentor);
    const parsed = parseIcs(text);
    expect(parsed.physicalLines.length).toBeGreaterThan(parsed.events[0]!.length + 6); // some lines were folded
    expect(prop(parsed.calendar, 'METHOD').value).toBe('PUBLISH');
    expect(prop(parsed.calendar, 'VERSION').value).toBe('2.0');
    expect(prop(parsed.calendar, 'PRODID').value).toMatch(/Mentorkit/);
    const ev = onlyEvent(text);
    expect(prop(ev, 'UID').value).toBe(`${meeting.id}@mentorkit`);
    expect(prop(ev, 'SEQUENCE').value).toBe('0');
    expect(prop(ev, 'STATUS').value).toBe('CONFIRMED');
    expect(prop(ev, 'DTSTART').value).toBe('20261201T103000Z');
    expect(prop(ev, 'DTEND').value).toBe('20261201T111500Z');
    expect(icsUtc(prop(ev, 'DTSTAMP').value).toISOString()).toBe(new Date(START).toISOString());
    expect(unescapeText(prop(ev, 'SUMMARY').value)).toBe(trickyTitle);
    expect(prop(ev, 'SUMMARY').value).toBe('Plan\\; budget\\, Q1 \\\\ review\\nnext steps');
    expect(unescapeText(prop(ev, 'LOCATION').value)).toBe('Café Lumière, 2F; Room "B"');
    expect(prop(ev, 'URL').value).toBe('https://meet.example.edu/abc');
    const description = unescapeText(prop(ev, 'DESCRIPTION').value);
    expect(description).toContain(`Agenda:\n${longAgenda.trim()}`); // the API trims text fields
    expect(description).toContain(`${pair.mentor.name} (mentor) and ${pair.mentee.name} (mentee)`);
    expect(prop(ev, 'ORGANIZER')).toMatchObject({ params: { CN: pair.mentee.name }, value: `urn:uuid:${pair.menteeId}` });
    const attendees = ev.filter((p) => p.name === 'ATTENDEE');
    expect(attendees.map((a) => [a.params['CN'], a.value])).toEqual([[pair.mentor.name, `urn:uuid:${pair.mentorId}`], [pair.mentee.name, `urn:uuid:${pair.menteeId}`]]);
    // Both test users have e-mail addresses in their tokens; neither reaches the calendar.
    expect(text).not.toMatch(/@alumni\.example\.edu|mailto:/i);
    await expectError(await call('GET', `/api/v1/meetings/${meeting.id}/ics`, { as: outsider }), 404, 'not_found');
  });

  it('keeps the UID and raises SEQUENCE on every reschedule; a cancel shows STATUS:CANCELLED', async () => {
    const pair = await newPair(t, 'cal-seq');
    const meeting = await json(await call('POST', `/api/v1/mentorships/${pair.mentorshipId}/meetings`, { as: pair.mentor, body: { title: 'Weekly', startsAt: '2026-12-02T09:00:00Z', durationMinutes: 30 } }));
    const seen: { uid: string; sequence: string; start: string; status: string }[] = [];
    const read = async () => {
      const ev = onlyEvent((await ics(meeting.id, pair.mentee)).text);
      seen.push({ uid: prop(ev, 'UID').value, sequence: prop(ev, 'SEQUENCE').value, start: prop(ev, 'DTSTART').value, status: prop(ev, 'STATUS').value });
    };
    await read();
    expect((await call('PATCH', `/api/v1/meetings/${meeting.id}`, { as: pair.mentee, body: { startsAt: '2026-12-03T09:00:00-08:00' } })).status).toBe(200);
    await read();
    // Same time again: nothing changes, SEQUENCE stays.
    expect((await call('PATCH', `/api/v1/meetings/${meeting.id}`, { as: pair.mentor, body: { startsAt: '2026-12-03T17:00:00Z' } })).status).toBe(200);
    await read();
    expect((await call('PATCH', `/api/v1/meetings/${meeting.id}`, { as: pair.mentor, body: { startsAt: '2026-12-04T08:00:00+01:00', durationMinutes: 60 } })).status).toBe(200);
    await read();
    expect((await call('POST', `/api/v1/meetings/${meeting.id}/cancel`, { as: pair.mentor, body: { reason: 'Conference, sorry' } })).status).toBe(200);
    await read();
    const uid = `${meeting.id}@mentorkit`;
    expect(seen).toEqual([
      { uid, sequence: '0', start: '20261202T090000Z', status: 'CONFIRMED' },
      { uid, sequence: '1', start: '20261203T170000Z', status: 'CONFIRMED' },
      { uid, sequence: '1', start: '20261203T170000Z', status: 'CONFIRMED' },
      { uid, sequence: '2', start: '20261204T070000Z', status: 'CONFIRMED' },
      { uid, sequence: '3', start: '20261204T070000Z', status: 'CANCELLED' },
    ]);
  });

  describe('the private feed', () => {
    let pair: Pair;
    let other: Pair;
    const meetingIds: string[] = [];

    beforeAll(async () => {
      pair = await newPair(t, 'cal-feed');
      other = await newPair(t, 'cal-feed', { mentor: pair.mentor, mentorId: pair.mentorId });
      for (const [p, startsAt] of [[pair, '2026-12-01T10:00:00Z'], [other, '2026-12-02T10:00:00Z'], [pair, '2026-12-03T10:00:00Z']] as const) {
        meetingIds.push((await json(await call('POST', `/api/v1/mentorships/${p.mentorshipId}/meetings`, { as: p.mentee, body: { title: `Meeting ${startsAt.slice(0, 10)}`, startsAt, durationMinutes: 30 } }))).id);
      }
      await call('POST', `/api/v1/meetings/${meetingIds[2]}/cancel`, { as: pair.mentor, body: { reason: 'Holiday' } });
    });

    const fetchFeed = (path: string) => t.app.request(path);

    it('serves the caller\'s meetings of every mentorship without a bearer token', async () => {
      expect(await json(await call('GET', '/api/v1/me/calendar-feed', { as: pair.mentor }))).toEqual({ enabled: false });
      const res = await call('POST', '/api/v1/me/calendar-feed', { as: pair.mentor });
      expect(res.status).toBe(200);
      const feed = await json(res);
      expect(feed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(feed.token, 'base64url')).toHaveLength(32);
      expect(feed.path).toBe(`/api/v1/calendar/${feed.token}.ics`);
      expect(feed.url).toBe(`http://localhost/api/v1/calendar/${feed.token}.ics`);
      expect(await json(await call('GET', '/api/v1/me/calendar-feed', { as: pair.mentor }))).toEqual({ enabled: true });

      const served = await fetchFeed(feed.path);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(/^text\/calendar; charset=utf-8/);
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      const text = await served.text();
      const parsed = parseIcs(text);
      expect(prop(parsed.calendar, 'X-WR-CALNAME').value).toBe('Mentorkit meetings');
      expect(parsed.events.map((e) => prop(e, 'UID').value)).toEqual(meetingIds.map((id) => `${id}@mentorkit`));
      expect(parsed.events.map((e) => prop(e, 'STATUS').value)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
      expect(text).not.toMatch(/@alumni\.example\.edu|mailto:/i);

      // The mentee's feed (own token) holds only their mentorship's meetings.
      const menteeFeed = await json(await call('POST', '/api/v1/me/calendar-feed', { as: other.mentee }));
      const menteeText = await (await fetchFeed(menteeFeed.path)).text();
      expect(parseIcs(menteeText).events.map((e) => prop(e, 'UID').value)).toEqual([`${meetingIds[1]}@mentorkit`]);

      // Only the hash is stored, and the request log never shows the token.
      const row = await t.handle.db.selectFrom('users').select('calendar_feed_token').where('id', '=', pair.mentorId).executeTakeFirstOrThrow();
      expect(row.calendar_feed_token).toBe(createHash('sha256').update(feed.token).digest('hex'));
      expect(t.logs.join('\n')).not.toContain(feed.token);
    });

    it('rotating invalidates the old URL at once; unknown or malformed tokens answer 404', async () => {
      // A mentor of this test's own, whose feed is on before the test rotates it.
      const mine = await newPair(t, 'cal-rotate');
      expect((await call('POST', '/api/v1/me/calendar-feed', { as: mine.mentor })).status).toBe(200);
      const first = await json(await call('POST', '/api/v1/me/calendar-feed', { as: mine.mentor }));
      expect((await fetchFeed(first.path)).status).toBe(200);
      const second = await json(await call('POST', '/api/v1/me/calendar-feed', { as: mine.mentor }));
      expect(second.token).not.toBe(first.token);
      await expectError(await fetchFeed(first.path), 404, 'not_found');
      expect((await fetchFeed(second.path)).status).toBe(200);
      const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', mine.mentorId).where('entity_type', '=', 'user').orderBy('id').execute();
      expect(audit.map((a) => a.action).slice(-2)).toEqual(['calendar_feed.rotated', 'calendar_feed.rotated']);

      for (const path of [
        `/api/v1/calendar/${randomBytes(32).toString('base64url')}.ics`,
        `/api/v1/calendar/${second.token}`,
        `/api/v1/calendar/${second.token.slice(0, 42)}.ics`,
        `/api/v1/calendar/${createHash('sha256').update(second.token).digest('hex')}.ics`,
        '/api/v1/calendar/..%2F..%2Fetc%2Fpasswd.ics',
      ]) {
        await expectError(await fetchFeed(path), 404, 'not_found');
      }
      await expectError(await call('POST', '/api/v1/me/calendar-feed'), 401, 'unauthenticated');

      const before = await snapshot(t);
      expect((await call('DELETE', '/api/v1/me/calendar-feed', { as: mine.mentor })).status).toBe(204);
      expect(await snapshot(t)).not.toEqual(before);
      await expectError(await fetchFeed(second.path), 404, 'not_found');
      expect(await json(await call('GET', '/api/v1/me/calendar-feed', { as: mine.mentor }))).toEqual({ enabled: false });
    });
  });
});
