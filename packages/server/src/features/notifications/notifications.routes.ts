import { markReadInput, markReadResult, notificationListQuery, notificationPage } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export const notificationRoutes = [
  defineRoute({
    method: 'get', path: '/notifications', operationId: 'listNotifications', summary: 'The caller’s notifications, newest first', tag: 'notifications', auth: 'bearer', role: 'self',
    query: notificationListQuery, responses: [ok(notificationPage, 'A page of notifications with the unread count')],
  }, async (c, { query }) => c.json(await listNotifications(c.get('deps'), c.get('viewer'), query), 200)),
  defineRoute({
    method: 'post', path: '/notifications/read', operationId: 'markNotificationsRead', summary: 'Mark some or all notifications read', tag: 'notifications', auth: 'bearer', role: 'self',
    body: { schema: markReadInput }, responses: [ok(markReadResult, 'How many were marked')],
  }, async (c, { body }) => c.json(await markNotificationsRead(c.get('deps'), c.get('viewer'), body), 200)),
];
