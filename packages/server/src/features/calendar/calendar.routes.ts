import { calendarFeed as calendarFeedSchema, calendarFeedStatus as calendarFeedStatusSchema, type CalendarFeed } from '@mentorkit/contract';
import { z } from 'zod';
import { defineRoute, noContent, ok } from '../../http/route.js';
import { FEED_TOKEN } from './calendar.repository.js';
import { calendarHeaders } from './ics.js';
import { calendarFeed, calendarFeedStatus, disableCalendarFeed, rotateCalendarFeed } from './calendar.service.js';

/** The private feed's path segment: the feed token (as the service checks it) followed by `.ics`. */
const feedFile = z.string().regex(new RegExp(`${FEED_TOKEN.source.replace(/\$$/, '')}\\.ics$`)).describe('The feed token followed by `.ics`');

export const calendarRoutes = [
  defineRoute({
    method: 'get', path: '/me/calendar-feed', operationId: 'getCalendarFeed', summary: 'Whether the private calendar feed is on', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(calendarFeedStatusSchema, 'The feed status')],
  }, async (c) => c.json(await calendarFeedStatus(c.get('deps'), c.get('viewer')), 200)),
  defineRoute({
    method: 'post', path: '/me/calendar-feed', operationId: 'rotateCalendarFeed', summary: 'Create or rotate the private calendar feed URL', tag: 'me', auth: 'bearer', role: 'self',
    description: 'The only answer that shows the token; the previous URL stops working at once.',
    responses: [ok(calendarFeedSchema, 'The new feed URL')],
  }, async (c) => {
    const token = await rotateCalendarFeed(c.get('deps'), c.get('viewer'));
    // The API base (`/api/v1`) as this request reached it.
    const base = c.req.path.replace(/\/me\/calendar-feed\/?$/, '');
    const path = `${base}/calendar/${token}.ics`;
    const feed: CalendarFeed = { token, path, url: new URL(path, c.req.url).toString() };
    return c.json(feed, 200);
  }),
  defineRoute({
    method: 'delete', path: '/me/calendar-feed', operationId: 'disableCalendarFeed', summary: 'Turn the private calendar feed off', tag: 'me', auth: 'bearer', role: 'self',
    responses: [noContent('The feed is off')],
  }, async (c) => {
    await disableCalendarFeed(c.get('deps'), c.get('viewer'));
    return c.body(null, 204);
  }),
  // No bearer token: the token in the path is the credential. The request log redacts the path (`redactPath`).
  defineRoute({
    method: 'get', path: '/calendar/{file}', operationId: 'calendarFeed', summary: 'The private calendar feed a calendar app subscribes to', tag: 'meetings', auth: 'urlToken', role: 'anyone',
    description: 'The token in the path is the only credential (see `POST /me/calendar-feed`); an unknown token answers 404.',
    params: { file: feedFile }, errors: ['not_found'], responses: [{ status: 200, contentType: 'text/calendar', description: 'The caller’s meetings as iCalendar' }],
  }, async (c, { params }) => c.body(await calendarFeed(c.get('deps'), params.file), 200, calendarHeaders('mentorkit.ics', 'inline'))),
];
