import { accountErasure, accountExport } from '@mentorkit/contract';
import { defineRoute, ok } from '../../http/route.js';
import { eraseAccount, exportAccount } from './privacy.service.js';

/** Both only ever act on the caller, so there is no one else's id to guess. */
export const privacyRoutes = [
  defineRoute({
    method: 'get', path: '/me/export', operationId: 'exportAccount', summary: 'All of the caller’s data as one JSON document', tag: 'me', auth: 'bearer', role: 'self',
    responses: [ok(accountExport, 'The export (offered as a download)')],
  }, async (c) => {
    const body = await exportAccount(c.get('deps'), c.get('viewer'));
    c.header('content-disposition', 'attachment; filename="mentorkit-export.json"');
    c.header('cache-control', 'private, no-store');
    return c.json(body, 200);
  }),
  defineRoute({
    method: 'delete', path: '/me', operationId: 'eraseAccount', summary: 'Erase the caller’s account', tag: 'me', auth: 'bearer', role: 'self',
    description: 'Messages stay for the other party, shown as from a deleted user; the token never signs in again (410).',
    responses: [ok(accountErasure, 'What was erased')],
  }, async (c) => c.json(await eraseAccount(c.get('deps'), c.get('viewer')), 200)),
];
