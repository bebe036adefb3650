import { notificationPreferences, notificationPreferencesInput, unsubscribeResult, type UnsubscribeResult } from '@mentorkit/contract';
import { z } from 'zod';
import { ApiError } from '../../http/errors.js';
import { defineRoute, ok } from '../../http/route.js';
import { changeNotificationPreferences, notificationPreferences as readPreferences, readUnsubscribeLink, unsubscribe } from './preferences.service.js';
import { confirmPage, invalidLinkPage, unsubscribedPage } from './unsubscribe-page.js';

const unsubscribeQuery = z.object({ token: z.string().min(1).max(400) });

const invalidLink = (reason: 'malformed' | 'forged' | 'expired') =>
  new ApiError('validation_failed', reason === 'expired' ? 'This unsubscribe link has expired' : 'This unsubscribe link is not valid', [
    { path: ['token'], message: reason === 'expired' ? 'Expired' : 'Not a valid unsubscribe token' },
  ]);

/**
 * The caller's email switches, and one-click unsubscribe (RFC 8058) with no sign-in: the signed
 * token names the person and the kind. GET only shows a confirmation with a POST button, because
 * link scanners and previews fetch GET URLs; POST (from that button or a mail client's one-click)
 * switches the kind off. A forged, malformed or expired token answers 400 and changes nothing.
 */
export const emailRoutes = [
  defineRoute({
    method: 'get', path: '/me/notification-preferences', operationId: 'getNotificationPreferences', summary: 'Which emails the caller gets, and in which language', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(notificationPreferences, 'The preferences')],
  }, async (c) => c.json(await readPreferences(c.get('deps'), c.get('viewer')), 200)),
  defineRoute({
    method: 'put', path: '/me/notification-preferences', operationId: 'updateNotificationPreferences', summary: 'Turn kinds of email on or off', tag: 'me', auth: 'bearer', role: 'self',
    body: { schema: notificationPreferencesInput }, responses: [ok(notificationPreferences, 'The preferences')],
  }, async (c, { body }) => c.json(await changeNotificationPreferences(c.get('deps'), c.get('viewer'), body), 200)),
  defineRoute({
    method: 'get', path: '/unsubscribe', operationId: 'unsubscribePage', summary: 'The confirmation page of a one-click unsubscribe link', tag: 'notifications', auth: 'urlToken', role: 'anyone',
    description: 'Shows a button that POSTs; link scanners that fetch GET URLs change nothing. A bad or expired token answers a 400 page.',
    query: unsubscribeQuery, responses: [{ status: 200, contentType: 'text/html', description: 'The confirmation page' }],
  }, async (c, { query }) => {
    const link = await readUnsubscribeLink(c.get('deps'), query.token);
    return link.ok ? confirmPage(c, link.language, link.kind, query.token) : invalidLinkPage(c);
  }),
  defineRoute({
    method: 'post', path: '/unsubscribe', operationId: 'unsubscribe', summary: 'One-click unsubscribe (RFC 8058), no sign-in', tag: 'notifications', auth: 'urlToken', role: 'anyone',
    description: 'Switches the kind named by the signed token off. Answers an HTML page when the request accepts `text/html`.',
    query: unsubscribeQuery, responses: [ok(unsubscribeResult, 'The kind is off')],
  }, async (c, { query }) => {
    const wantsPage = (c.req.header('accept') ?? '').includes('text/html');
    const result = await unsubscribe(c.get('deps'), query.token);
    if (!result.ok) {
      if (wantsPage) return invalidLinkPage(c);
      throw invalidLink(result.reason);
    }
    if (wantsPage) return unsubscribedPage(c, result.language, result.kind);
    return c.json({ kind: result.kind, unsubscribed: true } satisfies UnsubscribeResult, 200);
  }),
];
